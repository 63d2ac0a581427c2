import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { INTL_LOCALE, type Locale } from './i18n/locales';
import { MESSAGES } from './i18n/messages';
import type { MessageId } from './i18n/messages/nb';

/** An amount of money as the graph gives it: a string of whole kroner (or a currency's units). */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

type Values = Record<string, string | number>;

/**
 * Every figure, date and text of the dashboard in one language: numbers and money as its readers
 * write them (8 000 000 kr in Norwegian, NOK 8,000,000 in English), and a value the graph gives as
 * null as "ikke kjent" / "ikkje kjend" / "not known", never as 0. Each formatter takes null, so a
 * field the graph makes nullable needs no change where it is shown.
 */
export interface Formats {
  readonly locale: Locale;
  /** The text of a message, with its values. */
  readonly t: (id: MessageId, values?: Values) => string;
  /** What a value nobody recorded reads as. */
  readonly notKnown: string;
  /** A text from the graph (a name, a label), or "ikke kjent". */
  readonly text: (value: string | null | undefined) => string;
  /** A whole number of anything: 1 234. */
  readonly count: (value: number | null | undefined) => string;
  /** An exact amount of money: 8 000 000 kr. */
  readonly money: (amount: Money | null | undefined) => string;
  /** A share: 42,5 %. */
  readonly share: (value: number | null | undefined) => string;
  /** "0 av 300": a part of a whole, said in full. */
  readonly partOf: (part: number | null | undefined, whole: number | null | undefined) => string;
  /**
   * A date as precisely as it is known (the graph says DAY, MONTH or YEAR): "1. november 2017",
   * "november 2017", "2017". Dates come as ISO days (2017-11-01).
   */
  readonly date: (value: string | null | undefined, precision?: string | null) => string;
  /** An enum value of the graph in words (role.HOST -> "Vert"); one without a message as words of its own. */
  readonly label: (
    kind: 'role' | 'size' | 'programmeStatus' | 'catapultTheme' | 'catapultStatus',
    value: string | null | undefined,
  ) => string;
  /**
   * A competence programme's last recorded status, beside what its dates say (the graph's
   * periodPhase): once they are past, a status that says it still runs is said to be the last one
   * recorded ("Åpen (sist registrert; ...)"), never read as open today.
   */
  readonly programmeStatus: (status: string, periodPhase: string) => string;
  /** A chart's axis figure for money: kroner as millions (8 000 000 -> "8"), the axis saying "mill. kr". */
  readonly millions: (kroner: number) => string;
  /**
   * A span of years as sources give it: "2006–2014"; "2019–" while a recorded period lasts; a year
   * not known reads "ikke kjent". A year stays a year: never a day.
   */
  readonly years: (from: number | null, to: number | null, lasting?: boolean) => string;
  /** How a level period's end is known (its endedBy), in words; a recorded period's is "registrert i Klynge". */
  readonly periodEnd: (endedBy: string | null, basis: string) => string;
}

/** The one rule for "not recorded": null or undefined is not known; anything else is formatted. */
export const known = <T>(value: T | null | undefined, format: (value: T) => string, notKnown: string): string =>
  value === null || value === undefined ? notKnown : format(value);

/** For charts only (bar lengths; exact figures are in the table beside them): null stays null, a gap. */
export const approximately = (amount: Money | null | undefined): number | null => (amount ? Number(amount.amount) : null);

/** MANUFACTURING_TECHNOLOGY -> "Manufacturing technology": an enum value that has no message yet. */
const words = (value: string): string => {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The formats of a language, on react-intl's (FormatJS) formatters for it. */
export function formatsOf(intl: IntlShape, locale: Locale): Formats {
  const t = (id: MessageId, values?: Values) => intl.formatMessage({ id }, values);
  const notKnown = t('value.notKnown');
  const integers = intl.formatters.getNumberFormat(intl.locale, { maximumFractionDigits: 0 });
  const kroner = intl.formatters.getNumberFormat(intl.locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
  const percent = intl.formatters.getNumberFormat(intl.locale, { style: 'percent', maximumFractionDigits: 1 });
  const millions = intl.formatters.getNumberFormat(intl.locale, { maximumFractionDigits: 1 });
  const days = intl.formatters.getDateTimeFormat(intl.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const months = intl.formatters.getDateTimeFormat(intl.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const count = (value: number | null | undefined) => known(value, (figure) => integers.format(figure), notKnown);
  const label: Formats['label'] = (kind, value) =>
    known(
      value,
      (name) => {
        const id = `${kind}.${name}`;
        return id in intl.messages ? t(id as MessageId) : words(name);
      },
      notKnown,
    );
  return {
    locale,
    t,
    notKnown,
    text: (value) => known(value, (text) => text, notKnown),
    count,
    money: (amount) =>
      known(
        amount,
        ({ amount: units, currency }) =>
          currency === 'NOK' ? kroner.format(BigInt(units)) : `${integers.format(BigInt(units))} ${currency}`,
        notKnown,
      ),
    share: (value) => known(value, (fraction) => percent.format(fraction), notKnown),
    partOf: (part, whole) => t('value.partOf', { part: count(part), whole: count(whole) }),
    date: (value, precision = 'DAY') =>
      known(
        value,
        (iso) => {
          const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
          if (Number.isNaN(day.getTime())) return iso;
          if (precision === 'YEAR') return String(day.getUTCFullYear());
          return (precision === 'MONTH' ? months : days).format(day);
        },
        notKnown,
      ),
    programmeStatus: (status, periodPhase) => {
      const recorded = label('programmeStatus', status);
      return periodPhase === 'AFTER' && ['PLANNED', 'OPEN', 'RUNNING'].includes(status)
        ? t('conversion.statusOutdated', { status: recorded })
        : recorded;
    },
    label,
    millions: (kroner) => millions.format(kroner / 1_000_000),
    years: (from, to, lasting = false) => `${known(from, String, notKnown)}–${to === null && lasting ? '' : known(to, String, notKnown)}`,
    periodEnd: (endedBy, basis) => {
      if (endedBy !== null) return t(`period.end.${endedBy}` as MessageId);
      return basis === 'RECORDED' ? t('period.end.RECORDED') : notKnown;
    },
  };
}

const cache = createIntlCache();
const byLocale = new Map<Locale, { intl: IntlShape; formats: Formats }>();

/** react-intl's formatters for a language, made once: the app's provider and the tests share them. */
export function intlFor(locale: Locale): { intl: IntlShape; formats: Formats } {
  let made = byLocale.get(locale);
  if (!made) {
    const intl = createIntl({ locale: INTL_LOCALE[locale], messages: MESSAGES[locale] }, cache);
    made = { intl, formats: formatsOf(intl, locale) };
    byLocale.set(locale, made);
  }
  return made;
}

/** The formats of a language, outside React (the tests work out what a page should say with them). */
export const formatsFor = (locale: Locale): Formats => intlFor(locale).formats;
