import { TZDate, tz } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { startOfDay } from 'date-fns/startOfDay';

/** Every date that decides eligibility is a calendar date in China, whatever the host's zone. */
export const CHINA_TZ = 'Asia/Shanghai';
const inChina = tz(CHINA_TZ);

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
  if (ISO_DATE.test(value)) return new Date(`${value}T00:00:00+08:00`);
  return new Date(value);
}

/** The China calendar date of an instant: 2026-11-20T16:00:00Z is 2026-11-21 in Shanghai. */
export function chinaDateOf(value: string | Date): CalendarDate {
  const d = new TZDate(toInstant(value).getTime(), CHINA_TZ);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 00:00 in China on the day of `value`. */
export function startOfChinaDay(value: string | Date): Date {
  return new Date(startOfDay(toInstant(value), { in: inChina }).getTime());
}

/** Adds whole China calendar days (midnight stays midnight). */
export function addChinaDays(value: string | Date, days: number): Date {
  return new Date(addDays(toInstant(value), days, { in: inChina }).getTime());
}

/** China calendar days from `earlier` to `later` (positive when later is after earlier). */
export function chinaDaysBetween(earlier: string | Date, later: string | Date): number {
  return differenceInCalendarDays(toInstant(later), toInstant(earlier), { in: inChina });
}

/** The instant as an ISO string with China's offset: `2026-11-23T00:00:00+08:00`. */
export function toChinaIso(value: Date): string {
  const d = new TZDate(value.getTime(), CHINA_TZ);
  return `${chinaDateOf(value)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}+08:00`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
