import { BadUserInputError } from './errors';
import { graphqlEnum } from './graphql-enum';

/**
 * How exact a date is, where a source gives less than a day ("November 2017", "in 2015"): the
 * date is then the first day of its month or year (the last, for the end of a period), and says
 * no more than that. Every subgraph's dates use this one enum.
 */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const DatePrecisionEnum = graphqlEnum(DATE_PRECISIONS, {
  name: 'DatePrecision',
  description:
    'How exact a date is: MONTH or YEAR when a source gives no day. The date is then the first day of that month or year (the last, for the end of a period).',
  valuesConfig: {
    DAY: { description: 'The date is exact to the day.' },
    MONTH: { description: 'Only the month is known: the date is the first (or, for the end of a period, the last) day of it.' },
    YEAR: { description: 'Only the year is known: the date is 1 January (or, for the end of a period, 31 December) of it.' },
  },
});

/**
 * A date known to a month or a year is written as the first day of that month or year, or, for
 * the end of a period (`end`), as its last day: anything else would claim a day the source does
 * not give.
 */
export function preciseDateInput(field: string, date: string, precision: DatePrecision, options: { end?: boolean } = {}): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const [which, last] = options.end ? ['last', true] : ['first', false];
  if (precision === 'YEAR' && (last ? month !== 12 || day !== 31 : month !== 1 || day !== 1)) {
    throw new BadUserInputError(field, `${field} is known to the year only: write it as the ${which} day of that year`);
  }
  if (precision === 'MONTH' && day !== (last ? lastOfMonth : 1)) {
    throw new BadUserInputError(field, `${field} is known to the month only: write it as the ${which} day of that month`);
  }
  return date;
}
