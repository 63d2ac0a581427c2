import type { Locale } from '../locales';
import { en } from './en';
import { type MessageId, type Messages, nb } from './nb';
import { nn } from './nn';

export const MESSAGES: Readonly<Record<Locale, Messages>> = { nb, nn, en };

// Every formatMessage in the app names a message that exists (react-intl checks ids against this).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- react-intl's documented way to type message ids
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
