import type express from 'express';

/** Where a person may go from a page that is not there: what this gateway serves to people. */
export interface PagesForPeople {
  readonly dashboard: boolean;
  /** GraphiQL and the event catalogue: development only. */
  readonly developerTools: boolean;
}

const links = ({ dashboard, developerTools }: PagesForPeople, language: 'nb' | 'en') =>
  [
    dashboard &&
      `<li><a href="/dashboard/${language === 'en' ? '?lang=en' : ''}">${language === 'en' ? 'The dashboard' : 'Dashbordet'}</a></li>`,
    developerTools && `<li><a href="/graphql">GraphiQL</a></li>`,
    developerTools && `<li><a href="/catalogue">${language === 'en' ? 'The event catalogue' : 'Hendelseskatalogen'}</a></li>`,
  ]
    .filter(Boolean)
    .join('');

/**
 * The page a browser gets for an address nothing serves: in Norwegian first and English, with a
 * title, a language and a main landmark (WCAG 2.1 AA; axe-core finds nothing on it), and links to
 * what is here. It has no style of its own, so the gateway's Content-Security-Policy need not allow
 * any. Programs (anything not asking for HTML first) go on to the JSON answer after it.
 */
export function notFoundPage(pages: PagesForPeople): express.RequestHandler {
  const nb = links(pages, 'nb');
  const en = links(pages, 'en');
  const html = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fant ikke siden – Klynge</title>
  </head>
  <body>
    <main>
      <h1>Fant ikke siden</h1>
      <p>Det finnes ingen side på denne adressen hos Klynge.</p>
      ${nb ? `<ul>${nb}</ul>` : ''}
      <section lang="en" aria-labelledby="in-english">
        <h2 id="in-english">Page not found</h2>
        <p>There is no page at this address at Klynge.</p>
        ${en ? `<ul>${en}</ul>` : ''}
      </section>
    </main>
  </body>
</html>
`;
  return (request, response, next) => {
    if (request.method !== 'GET' || request.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    response.status(404).type('html').send(html);
  };
}
