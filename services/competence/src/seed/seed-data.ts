import type { CompetenceProgrammeStatus, DatePrecision } from '@klynge/contracts';

/**
 * Demo competence programmes: only the facts in ../shared/domain.md (seed articles 000 and 001).
 * The Conversion Engine: target 300 companies, from November 2017, on innovation, sustainability
 * and technology, hosted by NCE Raufoss and funded by its reported award (NOK 8 million, SINTEF
 * news 2017), which the funding service records and which opens it; the consortium of Digital
 * Norway, iKuben, Smart Innovation Norway and Kongsberg is not a host here, as those clusters are
 * not in the registry's facts. Capacities and enrolments are not in the notes and are not invented,
 * nor is which levels may host a programme (the notes do not say; null). The pilots of 2015
 * ("a pilot in 2015, continued in 2016") took place: RUNNING is the last state their source
 * supports; no source says they ended, so they are not COMPLETED. Periods carry the precision
 * the notes give: November 2017 is a month, 2015-2016 are years. The Conversion Engine's assignments
 * ran 13 months (the sourced register): its period ends with November 2018.
 */

export interface SeedProgramme {
  readonly name: string;
  /** Host clusters by name, as the clusters service registers them. */
  readonly hosts: readonly string[];
  readonly themes: readonly string[];
  readonly fundingProgrammeCode: string;
  readonly targetCompanies?: number;
  readonly periodStart: string;
  readonly periodStartPrecision: DatePrecision;
  readonly periodEnd?: string;
  readonly periodEndPrecision?: DatePrecision;
  /** The public report it is recorded from, and the status that report supports. */
  readonly source: string;
  readonly reportedStatus?: CompetenceProgrammeStatus;
  readonly knowledgeTransfer?: { readonly source: string; readonly targetSector: string };
  /** The host whose grant under the funding programme (a reported one) funds it: the programme is linked to it and opened. */
  readonly fundedByGrantTo?: string;
}

export const SEED_PROGRAMMES: readonly SeedProgramme[] = [
  {
    name: 'The Conversion Engine (Omstillingsmotoren)',
    hosts: ['NCE Raufoss'],
    themes: ['innovation', 'sustainability', 'technology'],
    fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
    targetCompanies: 300,
    periodStart: '2017-11-01',
    periodStartPrecision: 'MONTH',
    // "13 months" (smartinnovationnorway.com, 2017): November 2017 and the twelve months after.
    periodEnd: '2018-11-30',
    periodEndPrecision: 'MONTH',
    source:
      'Innovation Norway, 2017 (seed 000); SINTEF news, 2017; https://www.smartinnovationnorway.com/nyheter/smart-innovation-norway-er-finaleklare/ (13 months)',
    fundedByGrantTo: 'NCE Raufoss',
  },
  {
    name: 'Klyngene som omstillingsmotor: Kongsberg and Raufoss',
    hosts: ['NCE Systems Engineering', 'NCE Raufoss'],
    themes: ['productivity', 'innovation'],
    fundingProgrammeCode: 'OMSTILLING-PILOT',
    periodStart: '2015-01-01',
    periodStartPrecision: 'YEAR',
    periodEnd: '2016-12-31',
    periodEndPrecision: 'YEAR',
    source: 'Innovasjon Norge, 2015 (seed 001)',
    reportedStatus: 'RUNNING',
    knowledgeTransfer: { source: 'productivity and innovation speed (Kongsberg and Raufoss)', targetSector: 'oil and gas' },
  },
  {
    name: 'Klyngene som omstillingsmotor: Smart Energy Halden',
    hosts: ['NCE Smart Energy Markets'],
    themes: ['digitalisation'],
    fundingProgrammeCode: 'OMSTILLING-PILOT',
    periodStart: '2015-01-01',
    periodStartPrecision: 'YEAR',
    periodEnd: '2016-12-31',
    periodEndPrecision: 'YEAR',
    source: 'Innovasjon Norge, 2015 (seed 001)',
    reportedStatus: 'RUNNING',
    knowledgeTransfer: { source: 'ICT (Smart Energy Halden)', targetSector: 'industry in other clusters' },
  },
];
