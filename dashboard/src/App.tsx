import { Link, Route, Router, Switch } from 'wouter';
import { ClusterPage } from './pages/ClusterPage';
import { ConversionEngine } from './pages/ConversionEngine';
import { Counties } from './pages/Counties';
import { Overview } from './pages/Overview';

/**
 * The dashboard's pages, each at an address that can be shared and bookmarked under /dashboard/
 * (the gateway answers every one of them with the app, which routes here in the browser).
 */
export function App() {
  return (
    <Router base={import.meta.env.BASE_URL.replace(/\/$/, '')}>
      <header className="masthead">
        <Link href="/">Klynge</Link> <span>— Norway&apos;s innovation-cluster programme, from one graph</span>
        <nav>
          <Link href="/">Overview</Link>
          <Link href="/counties">Counties</Link>
          <Link href="/conversion-engine">Conversion Engine</Link>
        </nav>
      </header>
      <main>
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
          <Route>
            <h1>No page here</h1>
            <p>
              Try the <Link href="/">overview</Link>.
            </p>
          </Route>
        </Switch>
      </main>
    </Router>
  );
}
