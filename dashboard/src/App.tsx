import { FormattedMessage } from 'react-intl';
import { Route, Router, Switch, useLocation } from 'wouter';
import { LanguageProvider, LanguageSwitch, LocalLink, useFormats, usePageTitle } from './i18n/Language';
import type { MessageId } from './i18n/messages/nb';
import { AccessibilityStatement, ACCESSIBILITY_STATEMENT_PATH } from './pages/AccessibilityStatement';
import { ClusterPage } from './pages/ClusterPage';
import { ConversionEngine } from './pages/ConversionEngine';
import { Counties } from './pages/Counties';
import { Overview } from './pages/Overview';

/**
 * The dashboard's pages, each at an address that can be shared and bookmarked under /dashboard/
 * (the gateway answers every one of them with the app, which routes here in the browser), in the
 * language the address asks for (`?lang=nn`, `?lang=en`; bokmål without).
 */
export function App() {
  return (
    <Router base={import.meta.env.BASE_URL.replace(/\/$/, '')}>
      <LanguageProvider>
        <Layout />
      </LanguageProvider>
    </Router>
  );
}

const MENU: readonly (readonly [string, MessageId])[] = [
  ['/', 'nav.overview'],
  ['/counties', 'nav.counties'],
  ['/conversion-engine', 'nav.conversionEngine'],
];

function Layout() {
  const { t } = useFormats();
  const [path] = useLocation();
  return (
    <>
      {/* The first stop for the keyboard: past the menus, straight to the page. */}
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="masthead">
        <p className="brand">
          <LocalLink href="/">{t('app.name')}</LocalLink> <span>{t('app.tagline')}</span>
        </p>
        <nav className="menu" aria-label={t('app.mainMenu')}>
          <ul>
            {MENU.map(([href, name]) => (
              <li key={href}>
                <LocalLink href={href} {...(path === href ? { 'aria-current': 'page' } : {})}>
                  {t(name)}
                </LocalLink>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/">
            <Overview />
          </Route>
          <Route path="/counties">
            <Counties />
          </Route>
          <Route path="/clusters/:slug">{(params) => <ClusterPage key={params.slug} slug={params.slug} />}</Route>
          <Route path="/conversion-engine">
            <ConversionEngine />
          </Route>
          <Route path={ACCESSIBILITY_STATEMENT_PATH}>
            <AccessibilityStatement />
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </main>
      <footer className="footer">
        <p>{t('app.footerText')}</p>
        <p>
          <LocalLink href={ACCESSIBILITY_STATEMENT_PATH}>{t('nav.accessibility')}</LocalLink>
        </p>
      </footer>
    </>
  );
}

/** Any other address under /dashboard/. */
function NotFound() {
  const { t } = useFormats();
  usePageTitle('notFound.title');
  return (
    <>
      <h1>{t('notFound.heading')}</h1>
      <p>
        <FormattedMessage id="notFound.text" values={{ link: (chunks) => <LocalLink href="/">{chunks}</LocalLink> }} />
      </p>
    </>
  );
}
