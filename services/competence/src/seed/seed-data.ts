/**
 * Demo competence programmes: only the facts in ../shared/domain.md (seed articles 000 and 001).
 * Capacities, targets per programme and enrolments are not in the notes and are not invented: the
 * Conversion Engine's target of 300 companies is for the whole funding programme. The reported
 * Conversion Engine award to the consortium of Digital Norway, iKuben, Smart Innovation Norway and
 * Kongsberg has no programme here: those clusters are not in the registry's facts.
 */
export interface SeedProgramme {
  readonly name: string;
  /** Host clusters by name, as the clusters service registers them. */
  readonly hosts: readonly string[];
  readonly themes: readonly string[];
  readonly fundingProgrammeCode: string;
  readonly periodStart: string;
  readonly periodEnd?: string;
  readonly knowledgeTransfer?: { readonly source: string; readonly targetSector: string };
}

export const SEED_PROGRAMMES: readonly SeedProgramme[] = [
  {
    name: 'Omstillingsmotoren: NCE Raufoss',
    hosts: ['NCE Raufoss'],
    themes: ['innovation', 'sustainability', 'technology'],
    fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
    periodStart: '2017-11-01',
  },
  {
    name: 'Klyngene som omstillingsmotor: Kongsberg and Raufoss',
    hosts: ['NCE Systems Engineering', 'NCE Raufoss'],
    themes: ['productivity', 'innovation'],
    fundingProgrammeCode: 'OMSTILLING-PILOT',
    periodStart: '2015-01-01',
    periodEnd: '2016-12-31',
    knowledgeTransfer: { source: 'productivity and innovation speed (Kongsberg and Raufoss)', targetSector: 'oil and gas' },
  },
  {
    name: 'Klyngene som omstillingsmotor: Smart Energy Halden',
    hosts: ['NCE Smart Energy Markets'],
    themes: ['digitalisation'],
    fundingProgrammeCode: 'OMSTILLING-PILOT',
    periodStart: '2015-01-01',
    periodEnd: '2016-12-31',
    knowledgeTransfer: { source: 'ICT (Smart Energy Halden)', targetSector: 'industry in other clusters' },
  },
];
