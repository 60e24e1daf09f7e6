// RFC 9110 §5.6.7 HTTP-date: the IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must still read.
const IMF_FIXDATE = /^[a-z]{3}, \d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/i;
const RFC_850_DATE = /^[a-z]{6,9}, \d{2}-[a-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/i;
const ASCTIME_DATE = /^[a-z]{3} [a-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/i;

/**
 * `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable, so that the caller falls
 * back to its default wait (`defaultRetryAfterMs` for a 429).
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = httpDate(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * An HTTP date in one of its three forms, in ms since the epoch; NaN for anything else. Only a whole HTTP date is
 * read: `Date.parse` guesses at anything (`Mon, 1` is a day in 2001: no wait at all), and servers send things like
 * `-1`, `soon` or `rand(30),add(30)` (Webex has).
 */
function httpDate(value: string): number {
  if (IMF_FIXDATE.test(value) || RFC_850_DATE.test(value)) return Date.parse(value);
  // asctime names no zone: it is GMT, not the local time Date.parse would take.
  if (ASCTIME_DATE.test(value)) return Date.parse(`${value} GMT`);
  return Number.NaN;
}
