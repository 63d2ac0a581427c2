import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { RawIntlProvider } from 'react-intl';
import { Link, useLocation, useSearch } from 'wouter';
import { type Formats, intlFor } from '../format';
import { inLocale, LOCALE_NAMES, LOCALES, type Locale, localeOf } from './locales';
import type { MessageId } from './messages/nb';

const FormatsContext = createContext<Formats>(intlFor('nb').formats);

/**
 * The language the address asks for (`?lang=nn`; bokmål without it), for everything under it:
 * react-intl's messages and formats, and `<html lang>`, so that a screen reader speaks the page in
 * its language.
 */
export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const locale = localeOf(useSearch());
  const { intl, formats } = intlFor(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <RawIntlProvider value={intl}>
      <FormatsContext.Provider value={formats}>{children}</FormatsContext.Provider>
    </RawIntlProvider>
  );
}

/** The page's language: its texts, figures and dates. */
export const useFormats = (): Formats => useContext(FormatsContext);

/** A link within the dashboard that keeps the language, so that following it never changes it. */
export function LocalLink({
  href,
  children,
  ...rest
}: {
  readonly href: string;
  readonly children: ReactNode;
  readonly className?: string;
}) {
  const { locale } = useFormats();
  return (
    <Link href={inLocale(href, locale)} {...rest}>
      {children}
    </Link>
  );
}

/** The page's title in the browser's tab and history: "Oversikt – Klynge". */
export function usePageTitle(page: MessageId | { readonly text: string }): void {
  const { t } = useFormats();
  const text = typeof page === 'string' ? t(page) : page.text;
  useEffect(() => {
    document.title = t('app.pageTitle', { page: text });
  }, [t, text]);
}

/** The same page in each language, each link named in its own language (and marked so, for screen readers). */
export function LanguageSwitch() {
  const { locale, t } = useFormats();
  const [path] = useLocation();
  const search = useSearch();
  return (
    <nav className="languages" aria-label={t('app.languageMenu')}>
      <ul>
        {LOCALES.map((other: Locale) => (
          <li key={other}>
            <Link
              href={inLocale(`${path}${search ? `?${search}` : ''}`, other)}
              lang={other}
              hrefLang={other}
              aria-current={other === locale ? 'true' : undefined}
            >
              {LOCALE_NAMES[other]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
