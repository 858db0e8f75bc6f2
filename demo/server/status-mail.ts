import { coreMessages, type FapiaoRequest, type FapiaoRequestStatus, type Locale } from '../../src/core/node.js';
import { escapeMarkup } from './http.js';
import type { Mail, Mailer } from './mail.js';
import { LEASE_MS, retryBackoffMs, takeUnderLease } from './outbox.js';
import type { Store } from './store/index.js';
import { iso } from './instant.js';

// The customer hears of what happens to a request without opening the portal: refused (why, and that the bills can
// be requested again), a paper Fapiao on its way (courier and waybill), or ready at the branch. The events come from
// `request_events` (a trigger writes one per change of status), so no code path can forget to tell; the e-Fapiao's
// own e-mail (fapiao-mail.ts) says "issued". At least once, like the other outboxes.

/** The changes of status a customer is e-mailed about. */
export const MAILED_STATUSES: readonly FapiaoRequestStatus[] = ['rejected', 'mailed', 'ready-for-pickup'];

export const STATUS_MAIL = { batch: 10, maxAttempts: 8 } as const;

type Words = {
  readonly subject: Record<'rejected' | 'mailed' | 'ready-for-pickup', (id: string) => string>;
  readonly rejected: (reason: string) => string;
  readonly requestAgain: string;
  readonly mailed: (courier: string, waybill: string) => string;
  readonly ready: (branch: string, address: string, phone: string, collector: string) => string;
  readonly outro: string;
};

const WORDS: Record<Locale, Words> = {
  'zh-CN': {
    subject: {
      rejected: id => `您的发票申请 ${id} 未通过`,
      mailed: id => `您的纸质发票已寄出（申请 ${id}）`,
      'ready-for-pickup': id => `您的纸质发票可以领取了（申请 ${id}）`,
    },
    rejected: reason => `您好！您的发票申请未通过，原因：${reason}`,
    requestAgain: '这些账单可以修改信息后重新申请发票。',
    mailed: (courier, waybill) => `您好！您的纸质发票已由${courier}寄出，运单号 ${waybill}（运费到付）。`,
    ready: (branch, address, phone, collector) =>
      `您好！您的纸质发票已在${branch}（${address}，电话 ${phone}）备好，请 ${collector} 前往领取。`,
    outro: '此邮件由系统自动发送，请勿直接回复。',
  },
  en: {
    subject: {
      rejected: id => `Your Fapiao request ${id} was not accepted`,
      mailed: id => `Your paper Fapiao is on its way (request ${id})`,
      'ready-for-pickup': id => `Your paper Fapiao is ready for pick-up (request ${id})`,
    },
    rejected: reason => `Hello, your Fapiao request was not accepted. The reason: ${reason}`,
    requestAgain: 'Its bills can be requested again with corrected details.',
    mailed: (courier, waybill) =>
      `Hello, your paper Fapiao was sent by ${courier}, waybill number ${waybill} (freight collect).`,
    ready: (branch, address, phone, collector) =>
      `Hello, your paper Fapiao is ready at ${branch} (${address}, phone ${phone}) for ${collector} to collect.`,
    outro: 'This e-mail was sent automatically; replies are not read.',
  },
  nl: {
    subject: {
      rejected: id => `Uw Fapiao-aanvraag ${id} is niet aanvaard`,
      mailed: id => `Uw papieren Fapiao is onderweg (aanvraag ${id})`,
      'ready-for-pickup': id => `Uw papieren Fapiao ligt klaar (aanvraag ${id})`,
    },
    rejected: reason => `Hallo, uw Fapiao-aanvraag is niet aanvaard. De reden: ${reason}`,
    requestAgain: 'De rekeningen ervan kunnen opnieuw worden aangevraagd met verbeterde gegevens.',
    mailed: (courier, waybill) =>
      `Hallo, uw papieren Fapiao is verzonden met ${courier}, vrachtbriefnummer ${waybill} (kosten bij ontvangst).`,
    ready: (branch, address, phone, collector) =>
      `Hallo, uw papieren Fapiao ligt klaar bij ${branch} (${address}, telefoon ${phone}) voor ${collector}.`,
    outro: 'Deze e-mail is automatisch verstuurd; antwoorden worden niet gelezen.',
  },
};

/** The e-mail about a request's new status, or `undefined` when there is nothing to say (no reason, no waybill). */
export function statusMail(request: FapiaoRequest, to: string, locale: Locale): Mail | undefined {
  const w = WORDS[locale];
  let lines: string[];
  if (request.status === 'rejected') lines = [w.rejected(request.rejectionReason ?? '—'), w.requestAgain];
  else if (request.status === 'mailed' && request.tracking)
    lines = [w.mailed(coreMessages(locale).courier[request.tracking.courier], request.tracking.number)];
  else if (request.status === 'ready-for-pickup' && request.pickup) {
    const { point, collector } = request.pickup;
    lines = [w.ready(point.name, point.address, point.phone, collector)];
  } else return undefined;
  lines.push(w.outro);
  return {
    to,
    subject: w.subject[request.status](request.id),
    text: `${lines.join('\n\n')}\n`,
    html: lines.map(line => `<p>${escapeMarkup(line)}</p>`).join('\n'),
    locale,
  };
}

interface EventRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly request_id: string;
  readonly status: FapiaoRequestStatus;
  readonly mail_attempts: number;
}

/**
 * Sends the status e-mails that are due: to the request's e-mail addresses, else the Fapiao account's. Without a
 * mailer the events are marked skipped (a mailer configured later starts with what happens from then on).
 */
export async function sendStatusEmails(
  store: Store,
  mailer: Mailer | undefined,
  now: number,
): Promise<{ sent: number; failed: number }> {
  await store.query(
    `update request_events set mail_state = 'skipped'
      where mail_state = 'pending' and ($1::boolean or not (status = any($2)))`,
    [!mailer, MAILED_STATUSES],
  );
  if (!mailer) return { sent: 0, failed: 0 };
  const taken = await takeUnderLease<EventRow>(
    store,
    {
      sql: `select id, tenant_id, request_id, status, mail_attempts from request_events
        where mail_state = 'pending' and coalesce(mail_next_at, at) <= $1
        order by id limit $2 for update skip locked`,
      params: [iso(now), STATUS_MAIL.batch],
    },
    { table: 'request_events', column: 'mail_next_at', until: now + LEASE_MS },
  );
  let sent = 0;
  let failed = 0;
  for (const event of taken) {
    const row = (
      await store.query<{ body: FapiaoRequest; locale: Locale; fapiao_email: string | null }>(
        `select r.body, r.locale, c.fapiao_email from fapiao_requests r join customers c on c.id = r.tenant_id
          where r.tenant_id = $2 and r.id = $1`,
        [event.request_id, event.tenant_id],
      )
    ).rows[0];
    const to = row?.body.email ?? row?.fapiao_email ?? undefined;
    // The request as it is now: an event for a status it has left since (rejected, then … nothing else) still says
    // what happened, from the request's own record of it.
    const mail = row && to ? statusMail({ ...row.body, status: event.status }, to, row.locale) : undefined;
    if (!mail) {
      await store.query("update request_events set mail_state = 'skipped' where id = $1", [event.id]);
      continue;
    }
    try {
      await mailer.send(mail);
      await store.query("update request_events set mail_state = 'sent' where id = $1", [event.id]);
      sent++;
    } catch (error) {
      failed++;
      const attempts = event.mail_attempts + 1;
      await store.query(
        `update request_events set mail_attempts = $1, mail_next_at = $2, mail_error = $3, mail_state = $4
          where id = $5`,
        [
          attempts,
          iso(now + retryBackoffMs(event.mail_attempts)),
          String(error).slice(0, 500),
          attempts >= STATUS_MAIL.maxAttempts ? 'failed' : 'pending',
          event.id,
        ],
      );
    }
  }
  return { sent, failed };
}
