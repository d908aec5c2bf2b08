import type { I18n } from '../i18n/i18n';
import { formatElapsed } from './time';

/** A measured duration as people read it: milliseconds and seconds for automatic steps, then minutes, hours, days. */
export function formatDuration(ms: number, { t, locale }: Pick<I18n, 't' | 'locale'>): string {
  if (ms < 1000) return t('duration.ms', { n: Math.round(ms) });
  if (ms < 60_000) return t('duration.s', { n: Math.round(ms / 100) / 10 });
  return formatElapsed(ms, locale);
}
