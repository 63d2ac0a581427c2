/**
 * Forskningsrådet as the domain notes give it (../shared/domain.md, "Forskningsrådet"; sources:
 * forskningsradet.no, prosjektbanken.forskningsradet.no). Only those facts: where the notes do
 * not place an activity in the hierarchy, its instrument and main activity stay unknown. No
 * project: projects come from an import of Prosjektbanken's data.
 */
export const SEED_ACTIVITIES = [
  { code: 'FORREGION', name: 'Forskningsbasert innovasjon i regionene (FORREGION)', mainActivity: null, instrument: null },
] as const;

/** The application types that matter for clusters, as the notes describe them. */
export const SEED_APPLICATION_TYPES = [
  { code: 'IPN', name: 'Innovasjonsprosjekt i næringslivet', description: 'A company leads, with substantial R&D.' },
  {
    code: 'KSP',
    name: 'Kompetansebyggende prosjekt for næringslivet',
    description: 'Only approved research organisations apply, with partners from industry.',
  },
] as const;

export const SEED_CALLS = [
  {
    // Mobilisation projects applied for by the county councils.
    title: 'FORREGION 2020',
    activityCode: 'FORREGION',
    applicationType: null,
    opensOn: '2020-10-07',
    deadline: '2020-11-18',
    continuousIntake: false,
    decisionBy: '2020-12-20',
    earliestStart: '2021-01-01',
    latestStart: '2021-04-01',
    amountOffered: null,
    amountBound: null,
  },
  {
    // "The 2020 call offered up to NOK 1.5 billion, with continuous intake": when it opened, the notes do not say.
    title: 'Innovasjonsprosjekt i næringslivet 2020',
    activityCode: null,
    applicationType: 'Innovasjonsprosjekt i næringslivet',
    opensOn: null,
    deadline: null,
    continuousIntake: true,
    decisionBy: null,
    earliestStart: null,
    latestStart: null,
    amountOffered: '1500000000',
    amountBound: 'UP_TO',
  },
] as const;
