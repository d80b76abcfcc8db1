const STAMP = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

/** "Tue, 3 Oct 2023, 09:12 UTC": when prices were imported, in the user's time zone with the zone named (prices move by the hour). */
export function formatPriceTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : STAMP.format(at);
}

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Sat 7 Oct" for a match date (an ISO day, no time zone of its own). */
export function formatMatchDay(isoDate: string): string {
  const at = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? isoDate : DAY.format(at).replace(',', '');
}
