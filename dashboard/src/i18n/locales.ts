/**
 * The dashboard's languages: Norwegian first (bokmål by default), nynorsk, since the language act
 * asks state bodies to publish in both written forms, and English for readers abroad.
 */
export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

/** The query parameter that carries the language, so that a shared link opens in the same one. */
export const LOCALE_PARAMETER = 'lang';

/** The first of these locales this JavaScript engine's Intl has data for (the last, whatever it has). */
const firstSupported = (...tags: readonly [string, ...string[]]): string =>
  tags.find((tag) => Intl.NumberFormat.supportedLocalesOf(tag).length > 0 && Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0) ??
  tags.at(-1)!;

/**
 * What Intl formats with: Norwegian conventions for both Norwegian forms, British English (day
 * before month) for English. Chromium's Intl has no nynorsk data (it formats nn-NO as en-US), and
 * nynorsk writes figures, money and month names as bokmål does, so nynorsk falls back to nb-NO.
 */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { nb: 'nb-NO', nn: firstSupported('nn-NO', 'nb-NO'), en: 'en-GB' };

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

const isLocale = (value: string | null): value is Locale => (LOCALES as readonly (string | null)[]).includes(value);

/** The language an address asks for (`?lang=nn`), or bokmål. */
export const localeOf = (search: string): Locale => {
  const asked = new URLSearchParams(search).get(LOCALE_PARAMETER);
  return isLocale(asked) ? asked : DEFAULT_LOCALE;
};

/**
 * An address within the dashboard in a language: its path with `?lang=` added (none for bokmål,
 * the default), keeping any other parameter and the fragment.
 */
export const inLocale = (href: string, locale: Locale): string => {
  const [beforeHash, hash] = href.split('#', 2) as [string, string | undefined];
  const [path, query = ''] = beforeHash.split('?', 2) as [string, string | undefined];
  const parameters = new URLSearchParams(query);
  if (locale === DEFAULT_LOCALE) parameters.delete(LOCALE_PARAMETER);
  else parameters.set(LOCALE_PARAMETER, locale);
  const search = parameters.toString();
  return `${path}${search ? `?${search}` : ''}${hash === undefined ? '' : `#${hash}`}`;
};
