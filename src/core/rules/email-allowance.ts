const DAY = 86_400_000;

/** How often e-mails of one kind may go to one customer: a wait between two, and a cap per 24 hours. */
export interface EmailAllowance {
  readonly resendSeconds: number;
  readonly emailsPerDay: number;
}

/**
 * When the next e-mail may be sent, given when the earlier ones were (epoch ms, any order): `resendSeconds` after the
 * last, and, once the day's allowance is used, 24 hours after the oldest of the last `emailsPerDay`. `undefined` when
 * one may be sent at `now`.
 */
export function nextEmailAllowedAt(
  sentAt: readonly number[],
  now: number,
  allowance: EmailAllowance,
): number | undefined {
  const recent = sentAt.filter(t => t > now - DAY).sort((a, b) => a - b);
  const limits: number[] = [];
  if (recent.length) limits.push(recent[recent.length - 1]! + allowance.resendSeconds * 1000);
  if (recent.length >= allowance.emailsPerDay) limits.push(recent[recent.length - allowance.emailsPerDay]! + DAY);
  const at = Math.max(0, ...limits);
  return at > now ? at : undefined;
}
