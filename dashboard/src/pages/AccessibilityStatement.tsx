import { useFormats, usePageTitle } from '../i18n/Language';
import type { MessageId } from '../i18n/messages/nb';

/** Where the statement is: Norwegian first, as the other addresses are English ones. */
export const ACCESSIBILITY_STATEMENT_PATH = '/tilgjengelighet';

const TESTED: readonly MessageId[] = ['a11y.tested1', 'a11y.tested2', 'a11y.tested3', 'a11y.tested4'];
const KNOWN: readonly MessageId[] = ['a11y.known1', 'a11y.known2', 'a11y.known3'];

/**
 * /dashboard/tilgjengelighet: the accessibility statement (tilgjengelighetserklæring). It says what
 * the tests check and how, and nothing more: no audit has been made, and it does not claim one.
 */
export function AccessibilityStatement() {
  const { t } = useFormats();
  usePageTitle('a11y.title');
  return (
    <article className="prose">
      <h1>{t('a11y.heading')}</h1>
      <p>{t('a11y.intro')}</p>
      <h2>{t('a11y.testedHeading')}</h2>
      <ul>
        {TESTED.map((id) => (
          <li key={id}>{t(id)}</li>
        ))}
      </ul>
      <h2>{t('a11y.knownHeading')}</h2>
      <ul>
        {KNOWN.map((id) => (
          <li key={id}>{t(id)}</li>
        ))}
      </ul>
      <h2>{t('a11y.reportHeading')}</h2>
      <p>{t('a11y.report')}</p>
      <p>{t('a11y.authority')}</p>
    </article>
  );
}
