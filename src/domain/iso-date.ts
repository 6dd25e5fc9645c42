/** Calendar dates travel as ISO `YYYY-MM-DD` (Christian era) strings; the UI shows พ.ศ. */

export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isRealYearMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One formatter, made once: building an Intl.DateTimeFormat costs ≈0.3 ms (it ran per request). */
const BANGKOK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastDay = { minute: Number.NaN, day: '' };

/** Today's date in Bangkok as ISO, whatever the machine's time zone. */
export function todayInBangkok(now: Date = new Date()): string {
  // Every request asks (session checks, photo due dates); Intl formatting costs microseconds. A
  // time-zone offset is a whole number of minutes, so the date cannot change within a UTC minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: BANGKOK_DAY.format(now) };
  return lastDay.day;
}
