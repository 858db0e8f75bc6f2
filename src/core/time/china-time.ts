import { TZDate, tz } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { startOfDay } from 'date-fns/startOfDay';

/** Every date that decides eligibility is a calendar date in China, whatever the host's zone. */
export const CHINA_TZ = 'Asia/Shanghai';
const inChina = tz(CHINA_TZ);

/**
 * China has kept UTC+8 without daylight saving since its last DST period ended in September 1991. From 1992 on,
 * China days are plain arithmetic on the instant (about 100× faster than a zone lookup, which matters when a list of
 * 100,000 bills is checked); before that the IANA rules through @date-fns/tz apply. A test compares both paths.
 */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const fixedOffset = (ms: number) => ms >= FIXED_OFFSET_FROM;

/** A calendar date `YYYY-MM-DD` (no time, no zone), as printed on bills. */
export type CalendarDate = string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is an ISO 8601 instant with an explicit zone (`Z` or `±hh:mm`) that names a real time. */
export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/** Whether `text` is a real calendar date `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
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

/** The China calendar date of an instant: 2026-11-20T16:00:00Z is 2026-11-21 in Shanghai. */
export function chinaDateOf(value: string | Date): CalendarDate {
  const ms = toInstant(value).getTime();
  if (fixedOffset(ms)) return dateOfDay(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS));
  const d = new TZDate(ms, CHINA_TZ);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 00:00 in China on the day of `value`. */
export function startOfChinaDay(value: string | Date): Date {
  const ms = toInstant(value).getTime();
  if (fixedOffset(ms)) return new Date(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS);
  return new Date(startOfDay(ms, { in: inChina }).getTime());
}

/** Adds whole China calendar days (midnight stays midnight). */
export function addChinaDays(value: string | Date, days: number): Date {
  const ms = toInstant(value).getTime();
  if (fixedOffset(ms) && fixedOffset(ms + days * DAY_MS)) return new Date(ms + days * DAY_MS);
  return new Date(addDays(ms, days, { in: inChina }).getTime());
}

/** China calendar days from `earlier` to `later` (positive when later is after earlier). */
export function chinaDaysBetween(earlier: string | Date, later: string | Date): number {
  return differenceInCalendarDays(toInstant(later), toInstant(earlier), { in: inChina });
}

/** The instant as an ISO string with China's offset: `2026-11-23T00:00:00+08:00`. */
export function toChinaIso(value: Date): string {
  const ms = value.getTime();
  if (fixedOffset(ms)) {
    const local = ms + CHINA_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const second = Math.floor((local - day * DAY_MS) / 1000);
    const time = second === 0 ? '00:00:00' : `${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
    return `${dateOfDay(day)}T${time}+08:00`;
  }
  const d = new TZDate(ms, CHINA_TZ);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${chinaDateOf(value)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The same China calendar date through the IANA zone rules only (no fast path): the reference for tests. */
export function chinaDateOfByZoneRules(value: string | Date): CalendarDate {
  const d = new TZDate(toInstant(value).getTime(), CHINA_TZ);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The China calendar date `months` months before `now` (same day of month, clamped: 31 May − 3 months = 28/29 Feb). */
export function chinaMonthsAgo(now: Date | string, months: number): CalendarDate {
  const [y, m, d] = chinaDateOf(now).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${target.getUTCFullYear()}-${pad(target.getUTCMonth() + 1)}-${pad(Math.min(d, lastDay))}`;
}
