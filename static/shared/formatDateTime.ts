/** Dates as people read them, in the viewer's locale and time zone. Pure. */

/** "24 Nov 2026, 19:53" (locale-dependent); the input itself when it is not a date. */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
