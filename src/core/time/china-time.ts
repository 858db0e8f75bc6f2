import { subMonths } from 'date-fns/subMonths';

/** Every date that decides eligibility is a calendar date in China, whatever the host's zone. */
export const CHINA_TZ = 'Asia/Shanghai';

/**
 * China has kept UTC+8 without daylight saving since its last DST period ended in September 1991. From 1992 on,
 * China days are plain arithmetic on the instant (about 100× faster than a zone lookup, which matters when a list of
 * 100,000 bills is checked); before that the IANA rules of the platform's Intl apply (no zone library in the core:
 * it would weigh more than the rules that use it). A test compares both paths.
 */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const fixedOffset = (ms: number) => ms >= FIXED_OFFSET_FROM;

/** A calendar date `YYYY-MM-DD` (no time, no zone), as printed on bills. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Read character by character, without a regex match or a Date: these run for every date of every bill a host hands
// over (100,000 bills are some 400,000 dates on the way to a first render).
const digit = (text: string, at: number): number => {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
/** The number in `count` digits from `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48; // `digit`, written in: this runs cold, before the JIT has inlined anything
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}
/** Days in month `m` (1–12) of year `y`, Gregorian. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;
/** `YYYY-MM-DD` at the start of `text`, naming a real day. */
function dateAt(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Whether `text` is an ISO 8601 instant with an explicit zone (`Z`, `±hh:mm` or `±hhmm`) that names a real time:
 * `YYYY-MM-DDThh:mm[:ss[.f…]]` with a real day (2026-02-29 is not), hours 00–23, minutes and seconds 00–59.
 */
export function isIsoInstant(text: string): boolean {
  const n = text.length;
  if (n < 17 || text.charCodeAt(10) !== 84 /* T */ || !dateAt(text)) return false;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (text.charCodeAt(13) !== 58 /* : */ || hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  let i = 16;
  if (text.charCodeAt(i) === 58 /* : */) {
    const sec = digits(text, i + 1, 2);
    if (sec < 0 || sec > 59) return false;
    i += 3;
    if (text.charCodeAt(i) === 46 /* . */) {
      let f = i + 1;
      while (f < n && digit(text, f) >= 0) f++;
      if (f === i + 1 || f - i - 1 > 9) return false;
      i = f;
    }
  }
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1 === n;
  if (zone !== 43 && zone !== 45) return false;
  const colon = text.charCodeAt(i + 3) === 58;
  if (i + (colon ? 6 : 5) !== n) return false;
  const hh = digits(text, i + 1, 2);
  const mm = digits(text, i + (colon ? 4 : 3), 2);
  return hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59;
}

/** Whether `text` is a real calendar date `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  return text.length === 10 && dateAt(text);
}

/**
 * Reads an instant or a bare calendar date. A bare date means midnight at the start of that day in China,
 * so `2026-11-20` is `2026-11-20T00:00:00+08:00`, never UTC midnight.
 */
export function toInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  if (value.length === 10 && ISO_DATE.test(value)) return new Date(`${value}T00:00:00+08:00`);
  return new Date(value);
}

/**
 * The milliseconds of an instant or a bare date, exactly as `toInstant(text).getTime()` (NaN for what it cannot read).
 * The shape APIs send (`2026-11-20T15:59:59Z`, `.sss`, `±hh:mm`) is read by hand, some 5× faster than `Date.parse`:
 * the eligibility of every bill starts with its payment time.
 */
export function instantMsOf(text: string): number {
  if (
    text.length >= 20 &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 /* T */ &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58
  ) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 2);
    const d = digits(text, 8, 2);
    const h = digits(text, 11, 2);
    const mi = digits(text, 14, 2);
    const sec = digits(text, 17, 2);
    let i = 19;
    let ms = 0;
    if (text.charCodeAt(i) === 46 /* . */) {
      ms = digits(text, 20, 3);
      i = digit(text, 23) < 0 ? 23 : -1; // other precisions: left to Date.parse
    }
    const valid = y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 && h <= 23;
    if (valid && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && ms >= 0 && i > 0) {
      const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
      const zone = text.charCodeAt(i);
      if (zone === 90 /* Z */ && i + 1 === text.length) return wall;
      if ((zone === 43 || zone === 45) && i + 6 === text.length && text.charCodeAt(i + 3) === 58) {
        const oh = digits(text, i + 1, 2);
        const om = digits(text, i + 4, 2);
        if (oh >= 0 && oh <= 23 && om >= 0 && om <= 59) return wall - (zone === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
      }
    }
  }
  return toInstant(text).getTime();
}

/**
 * The start of the China day `days` days after the day of the instant `ms`: `addChinaDays(startOfChinaDay(ms), days)`
 * on numbers, without a Date.
 */
export function chinaDayStartMs(ms: number, days = 0): number {
  if (fixedOffset(ms)) {
    const start = Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS + days * DAY_MS;
    if (fixedOffset(start) && fixedOffset(start - days * DAY_MS)) return start;
  }
  return addChinaDays(startOfChinaDay(new Date(ms)), days).getTime();
}

/** The China calendar date of an instant: 2026-11-20T16:00:00Z is 2026-11-21 in Shanghai. */
export function chinaDateOf(value: string | Date | number): CalendarDate {
  const ms = typeof value === 'number' ? value : toInstant(value).getTime();
  if (fixedOffset(ms)) return dateOfDay(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS));
  return chinaDateOfByZoneRules(ms);
}

/** 00:00 in China on the day of `value`. */
export function startOfChinaDay(value: string | Date): Date {
  const ms = toInstant(value).getTime();
  if (fixedOffset(ms)) return new Date(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS);
  const p = zoneParts(ms);
  return new Date(fromWallClock(Date.UTC(p.year, p.month - 1, p.day)));
}

/** Adds whole China calendar days (midnight stays midnight). */
export function addChinaDays(value: string | Date, days: number): Date {
  const ms = toInstant(value).getTime();
  if (fixedOffset(ms) && fixedOffset(ms + days * DAY_MS)) return new Date(ms + days * DAY_MS);
  const p = zoneParts(ms);
  return new Date(fromWallClock(Date.UTC(p.year, p.month - 1, p.day + days, p.hour, p.minute, p.second)));
}

/** China calendar days from `earlier` to `later` (positive when later is after earlier). */
export function chinaDaysBetween(earlier: string | Date, later: string | Date): number {
  const dayNumber = (value: string | Date) => Date.parse(`${chinaDateOf(value)}T00:00:00Z`) / DAY_MS;
  return dayNumber(later) - dayNumber(earlier);
}

/** The instant (a Date or its milliseconds) as an ISO string with China's offset: `2026-11-23T00:00:00+08:00`. */
export function toChinaIso(value: Date | number): string {
  const ms = typeof value === 'number' ? value : value.getTime();
  if (fixedOffset(ms)) {
    const local = ms + CHINA_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const second = Math.floor((local - day * DAY_MS) / 1000);
    if (second === 0) return midnightOf(day);
    const time = `${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
    return `${dateOfDay(day)}T${time}+08:00`;
  }
  const p = zoneParts(ms);
  const offset = p.offsetMinutes;
  const sign = offset >= 0 ? '+' : '-';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The same China calendar date through the IANA zone rules only (no fast path): the reference for tests. */
export function chinaDateOfByZoneRules(value: string | Date | number): CalendarDate {
  const p = zoneParts(typeof value === 'number' ? value : toInstant(value).getTime());
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

let zoneFormat: Intl.DateTimeFormat | undefined;
/** Wall-clock fields in China at an instant, and the offset in force, from the platform's IANA data. */
function zoneParts(ms: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
} {
  zoneFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: CHINA_TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const f: Record<string, number> = {};
  for (const part of zoneFormat.formatToParts(ms)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = f;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    offsetMinutes: Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000),
  };
}

/** The instant at which China's clocks show `wall` (given as if UTC); on a DST gap, the instant just after it. */
function fromWallClock(wall: number): number {
  let guess = wall - zoneParts(wall).offsetMinutes * 60_000;
  guess = wall - zoneParts(guess).offsetMinutes * 60_000;
  return guess;
}

/** `YYYY-MM-DD` for a count of days since 1970-01-01, memoised: a bill list has few distinct days. */
const dayNames = new Map<number, string>();
function dateOfDay(day: number): CalendarDate {
  let name = dayNames.get(day);
  if (name === undefined) {
    const d = new Date(day * DAY_MS);
    name = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (dayNames.size > 20_000) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

/** China midnight of a day as ISO text, memoised like `dateOfDay` (every eligible-from date is one). */
const midnights = new Map<number, string>();
function midnightOf(day: number): string {
  let text = midnights.get(day);
  if (text === undefined) {
    text = `${dateOfDay(day)}T00:00:00+08:00`;
    if (midnights.size > 20_000) midnights.clear();
    midnights.set(day, text);
  }
  return text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The China calendar date `months` months before `now` (same day of month, clamped by date-fns: 31 May − 3 months is
 * 28/29 February). The arithmetic runs on a local noon of that China day, which no zone's DST can move to another day.
 */
export function chinaMonthsAgo(now: Date | string, months: number): CalendarDate {
  const [y, m, d] = chinaDateOf(now).split('-').map(Number) as [number, number, number];
  const back = subMonths(new Date(y, m - 1, d, 12), months);
  return `${back.getFullYear()}-${pad(back.getMonth() + 1)}-${pad(back.getDate())}`;
}
