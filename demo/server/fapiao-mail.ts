import {
  checkFapiaoEmail,
  formatChinaDate,
  formatMoney,
  type FapiaoRequest,
  type IssuedFapiao,
  type Locale,
} from '../../src/core/node.js';
import type { FapiaoFiles } from './issuing/provider.js';
import { escapeMarkup } from './http.js';
import type { Mail, Mailer, MailAttachment } from './mail.js';
import { LEASE_MS, retryBackoffMs, takeUnderLease } from './outbox.js';
import type { Queryable, Store } from './store/index.js';
import { iso } from './instant.js';
import { requestIn, saveRequest } from './request-of.js';

// The e-Fapiao e-mail: the issued Fapiao's PDF, OFD and XML attached (links would need the customer's credentials),
// in the language the customer asked in. Queued with the issue in one transaction and sent by the worker (an outbox):
// a crash between issue and e-mail loses no e-mail. A crash between the SMTP answer and marking it sent sends it again
// once the lease ends (at least once: the other way round would lose it).

const WORDS: Record<
  Locale,
  {
    subject: (id: string) => string;
    intro: (id: string) => string;
    line: (n: string, amount: string, day: string) => string;
    outro: string;
  }
> = {
  'zh-CN': {
    subject: id => `您的电子发票已开具（申请 ${id}）`,
    intro: id => `您好！您的发票申请 ${id} 已开具，发票文件（PDF、OFD、XML）见附件：`,
    line: (n, amount, day) => `发票号码 ${n}，价税合计 ${amount}，开票日期 ${day}`,
    outro: '请妥善保存。此邮件由系统自动发送，请勿直接回复。',
  },
  en: {
    subject: id => `Your e-Fapiao has been issued (request ${id})`,
    intro: id => `Hello, the Fapiao of your request ${id} has been issued. Its files (PDF, OFD, XML) are attached:`,
    line: (n, amount, day) => `Fapiao ${n}, total ${amount}, issued ${day}`,
    outro: 'Please keep them. This e-mail was sent automatically; replies are not read.',
  },
  nl: {
    subject: id => `Uw e-Fapiao is uitgegeven (aanvraag ${id})`,
    intro: id =>
      `Hallo, de Fapiao van uw aanvraag ${id} is uitgegeven. De bestanden (PDF, OFD, XML) zitten in de bijlage:`,
    line: (n, amount, day) => `Fapiao ${n}, totaal ${amount}, uitgegeven op ${day}`,
    outro: 'Bewaar ze goed. Deze e-mail is automatisch verstuurd; antwoorden worden niet gelezen.',
  },
};

const ATTACHED = [
  { format: 'pdf', contentType: 'application/pdf' },
  { format: 'ofd', contentType: 'application/ofd' },
  { format: 'xml', contentType: 'application/xml' },
] as const;

async function attachmentsOf(
  request: FapiaoRequest,
  fapiao: IssuedFapiao,
  files: FapiaoFiles,
): Promise<MailAttachment[]> {
  const attachments: MailAttachment[] = [];
  for (const { format, contentType } of ATTACHED)
    attachments.push({
      filename: `${fapiao.number}.${format}`,
      content: await files(request, fapiao, format),
      contentType,
    });
  return attachments;
}

/** The e-mail that carries a request's issued (not reversed) Fapiao, files attached. */
export async function fapiaoMail(
  request: FapiaoRequest,
  to: string,
  locale: Locale,
  files: FapiaoFiles,
): Promise<Mail> {
  const w = WORDS[locale];
  const fapiaos = request.fapiaos.filter(f => !f.reversedBy);
  const lines = [
    w.intro(request.id),
    ...fapiaos.map(f =>
      w.line(
        f.number,
        formatMoney({ fen: f.gross, currency: f.currency }, locale),
        formatChinaDate(f.issuedAt, locale),
      ),
    ),
    w.outro,
  ];
  const attachments = (await Promise.all(fapiaos.map(f => attachmentsOf(request, f, files)))).flat();
  return {
    to,
    subject: w.subject(request.id),
    text: `${lines.join('\n\n')}\n`,
    html: lines.map(line => `<p>${escapeMarkup(line)}</p>`).join('\n'),
    locale,
    attachments,
  };
}

/** Adds the e-mail to the request's record (`emails`), inside the caller's transaction that holds the row. */
export async function recordFapiaoEmail(
  tx: Queryable,
  tenantId: string,
  request: FapiaoRequest,
  to: string,
  at: number,
) {
  const next: FapiaoRequest = {
    ...request,
    emails: [...(request.emails ?? []), { to, sentAt: new Date(at).toISOString() }],
  };
  await saveRequest(tx, tenantId, next);
  return next;
}

/** Queues the e-Fapiao e-mail of a request just issued, in the issuing transaction. */
export async function queueFapiaoEmail(
  tx: Queryable,
  tenantId: string,
  request: FapiaoRequest,
  at: number,
): Promise<void> {
  if (request.delivery !== 'electronic' || !request.email) return;
  await tx.query(
    `insert into fapiao_emails (tenant_id, request_id, recipient, locale, queued_at, next_attempt_at)
     select tenant_id, id, $2, locale, $3, $3 from fapiao_requests where tenant_id = $4 and id = $1`,
    [request.id, request.email, new Date(at).toISOString(), tenantId],
  );
}

/** After this many failed attempts an e-mail is left (and logged): the customer can still ask for it from the history. */
export const MAX_EMAIL_ATTEMPTS = 8;
const BATCH = 10;

interface QueuedEmail {
  readonly id: string;
  readonly tenant_id: string;
  readonly request_id: string;
  readonly recipient: string;
  readonly locale: Locale;
  readonly attempts: number;
}

/**
 * Sends the queued e-Fapiao e-mails that are due. They are taken under a lease in a short transaction
 * (`FOR UPDATE SKIP LOCKED`: several instances share the queue), sent outside any transaction (SMTP and the files take
 * time, and PGlite runs one transaction at a time), then marked sent and recorded on the request in another short one.
 * Returns what it sent and what failed (to be tried again later).
 */
export async function sendQueuedFapiaoEmails(
  store: Store,
  mailer: Mailer,
  now: number,
  files: FapiaoFiles,
): Promise<{ sent: number; failed: number }> {
  const taken = await takeUnderLease<QueuedEmail>(
    store,
    {
      sql: `select id, tenant_id, request_id, recipient, locale, attempts from fapiao_emails
        where sent_at is null and attempts < $1 and next_attempt_at <= $2
        order by id limit $3 for update skip locked`,
      params: [MAX_EMAIL_ATTEMPTS, iso(now), BATCH],
    },
    { table: 'fapiao_emails', column: 'next_attempt_at', until: now + LEASE_MS },
  );
  let sent = 0;
  let failed = 0;
  for (const row of taken) {
    const request = await requestIn(store, row.tenant_id, row.request_id);
    // Reversed meanwhile: nothing to send any more.
    if (!request || !checkFapiaoEmail({ ...request, emails: [] }, row.recipient, now).ok) {
      await store.query('update fapiao_emails set attempts = $1 where id = $2', [MAX_EMAIL_ATTEMPTS, row.id]);
      continue;
    }
    try {
      await mailer.send(await fapiaoMail(request, row.recipient, row.locale, files));
    } catch (error) {
      failed++;
      await store.query(
        'update fapiao_emails set attempts = attempts + 1, next_attempt_at = $1, last_error = $2 where id = $3',
        [iso(now + retryBackoffMs(row.attempts)), String(error).slice(0, 500), row.id],
      );
      continue;
    }
    await store.transaction(async tx => {
      await tx.query('update fapiao_emails set sent_at = $1 where id = $2', [iso(now), row.id]);
      const current = (await requestIn(tx, row.tenant_id, row.request_id, { forUpdate: true }))!;
      await recordFapiaoEmail(tx, row.tenant_id, current, row.recipient, now);
    });
    sent++;
  }
  return { sent, failed };
}
