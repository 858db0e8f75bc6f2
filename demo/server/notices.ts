import { chinaDateOf, isCalendarDate, type ServiceNotice } from '../../src/core/index.js';
import type { Queryable } from './store/index.js';

// The operator's stock-shortage notice, kept in the store (every instance shows the same) and shown to customers in
// the Fapiao account until its expected issue date has passed in China.
const KEY = 'stock_notice';
export const MAX_NOTICE_CHARS = 500;

/** The notice to keep, or a reason it is not one (a date that is not a real day, a message too long). */
export function stockNotice(input: { expectedIssueDate?: unknown; message?: unknown }): ServiceNotice | string {
  const { expectedIssueDate, message } = input;
  if (expectedIssueDate !== undefined && (typeof expectedIssueDate !== 'string' || !isCalendarDate(expectedIssueDate)))
    return 'expectedIssueDate must be a date YYYY-MM-DD';
  if (message !== undefined && (typeof message !== 'string' || message.length > MAX_NOTICE_CHARS))
    return `message must be a text of at most ${MAX_NOTICE_CHARS} characters`;
  return {
    kind: 'stock-shortage',
    ...(expectedIssueDate ? { expectedIssueDate } : {}),
    ...(message ? { message } : {}),
  };
}

export async function setStockNotice(db: Queryable, notice: ServiceNotice | undefined): Promise<void> {
  await db.query('delete from meta where key = $1', [KEY]);
  if (notice) await db.query('insert into meta (key, value) values ($1, $2)', [KEY, JSON.stringify(notice)]);
}

/** The notices in force at `now`: a stock notice whose expected issue date is today or later in China. */
export async function noticesAt(db: Queryable, now: number): Promise<ServiceNotice[]> {
  const { rows } = await db.query<{ value: string }>('select value from meta where key = $1', [KEY]);
  if (!rows[0]) return [];
  const notice = JSON.parse(rows[0].value) as ServiceNotice;
  const today = chinaDateOf(new Date(now));
  return notice.expectedIssueDate && notice.expectedIssueDate < today ? [] : [notice];
}
