import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Overview } from './pages/Overview';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <header className="masthead">
      <a href={import.meta.env.BASE_URL}>Klynge</a> <span>— Norway&apos;s innovation-cluster programme, from one graph</span>
    </header>
    <main>
      <Overview />
    </main>
  </StrictMode>,
);
