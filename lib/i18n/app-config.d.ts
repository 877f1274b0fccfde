import type { Locale } from '@/lib/domain/locale';
import type { Messages } from './messages';

// Typed keys: a key missing from the Italian catalogue (the reference) is a type error where it is used.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
