import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  checkRegistration,
  explainRegistrationError,
  formatChinaDateTime,
  negotiateLocale,
  nextActivationEmailAt,
  REGISTRATION_LIMITS,
  type FapiaoAccount,
  type Locale,
  type RegistrationError,
} from '../../../src/core/index.js';
import { escapeMarkup, HttpProblem, PAGE_CSP, readJson, send } from '../http.js';
import { activationMail } from '../mail.js';
import { noticesAt } from '../notices.js';
import type { Queryable } from '../store/index.js';
import {
  customerRoute,
  type Context,
  type Customer,
  type CustomerContext,
  type Route,
  type Services,
} from './route.js';
import { iso } from '../instant.js';

/** Where a customer finds 21Vianet's own registration page (a host may send customers there instead). */
export const REGISTRATION_URL = 'https://go.microsoft.com/fwlink/p/?linkid=837466';

const DAY_MS = 86_400_000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** When the customer may next get an activation e-mail, from those sent in the last 24 hours; undefined: now. */
async function nextEmailAt(db: Queryable, customerId: string, now: number): Promise<number | undefined> {
  const { rows } = await db.query<{ sent_at: Date | string }>(
    'select sent_at from activation_emails where tenant_id = $1 and sent_at > $2',
    [customerId, iso(now - DAY_MS)],
  );
  return nextActivationEmailAt(
    rows.map(r => new Date(r.sent_at).getTime()),
    now,
  );
}

/**
 * The account as the API shows it: while pending, where the link went, until when, and when to ask again; with the
 * operator's notices and the seller's delivery and reissue terms and its rules for the form.
 */
async function accountOf(services: Services, customer: Customer, now: number): Promise<FapiaoAccount> {
  const db = services.store;
  const notices = await noticesAt(db, now);
  const base = {
    state: customer.account,
    registrationUrl: REGISTRATION_URL,
    ...(notices.length ? { notices } : {}),
    delivery: services.delivery,
    reissue: services.reissuePolicy,
    draftPolicy: services.draftPolicy,
    issueWithinWorkingDays: services.issueWithinWorkingDays,
  };
  if (customer.account !== 'pending-activation')
    return { ...base, ...(customer.email ? { email: customer.email } : {}) };
  const { rows } = await db.query<{ email: string; expires_at: Date | string }>(
    'select email, expires_at from account_registrations where tenant_id = $1',
    [customer.id],
  );
  const pending = rows[0];
  const next = await nextEmailAt(db, customer.id, now);
  return {
    ...base,
    ...(pending
      ? { email: pending.email, activationExpiresAt: iso(new Date(pending.expires_at).getTime()) }
      : customer.email
        ? { email: customer.email }
        : {}),
    ...(next !== undefined ? { nextEmailAt: iso(next) } : {}),
  };
}

function problemOf(status: number, error: RegistrationError, locale: Locale, headers?: Record<string, string>) {
  const message = explainRegistrationError(error, locale);
  return new HttpProblem(
    status,
    status === 429 ? 'too-many-emails' : status === 409 ? 'conflict' : 'validation-failed',
    {
      detail: message,
      extra: { errors: [{ field: error.field, code: error.code, message }] },
      ...(headers ? { headers } : {}),
    },
  );
}

/** 429 when the allowance of activation e-mails is used up, with the time of the next one. */
async function checkAllowance(db: Queryable, customer: Customer, now: number, locale: Locale): Promise<void> {
  const next = await nextEmailAt(db, customer.id, now);
  if (next === undefined) return;
  throw problemOf(429, { field: 'email', code: 'too-many-emails', params: { at: iso(next) } }, locale, {
    'retry-after': String(Math.ceil((next - now) / 1000)),
  });
}

interface Activation {
  readonly link: string;
  readonly expires: number;
}

/**
 * A new activation link for the pending registration, counted against the allowance: inside the caller's transaction,
 * which holds the customer's row, so two clicks at once cannot both pass the allowance and send two e-mails.
 */
async function newActivation(tx: Queryable, services: Services, customer: Customer, locale: Locale, now: number) {
  const token = randomBytes(32).toString('base64url');
  const expires = now + REGISTRATION_LIMITS.activationHours * 3_600_000;
  await tx.query('update account_registrations set token_hash = $1, expires_at = $2 where tenant_id = $3', [
    hashOf(token),
    iso(expires),
    customer.id,
  ]);
  await tx.query('insert into activation_emails (tenant_id, sent_at) values ($1, $2)', [customer.id, iso(now)]);
  return { link: `${services.publicUrl()}/fapiao-account/activate?token=${token}&lang=${locale}`, expires };
}

/**
 * Sends the activation e-mail over SMTP, after the transaction committed. The registration stays when the e-mail
 * cannot be sent (503): the customer asks again, and the failed attempt does not count against them.
 */
async function deliver(
  services: Services,
  customer: Customer,
  email: string,
  locale: Locale,
  now: number,
  a: Activation,
) {
  try {
    if (!services.mailer) throw new Error('no mailer configured');
    await services.mailer.send(activationMail(email, locale, a.link, formatChinaDateTime(iso(a.expires), locale)));
  } catch (error) {
    await services.store.query('delete from activation_emails where tenant_id = $1 and sent_at = $2', [
      customer.id,
      iso(now),
    ]);
    throw new HttpProblem(503, 'email-unavailable', {
      headers: { 'retry-after': '60' },
      params: { why: String(error) },
    });
  }
}

async function register({ req, res, locale, services, customer }: CustomerContext): Promise<void> {
  const body = await readJson(req);
  const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const check = checkRegistration({ orderNumber: text(input.orderNumber), email: text(input.email) });
  if (!check.ok) {
    const errors = check.errors.map(e => ({
      field: e.field,
      code: e.code,
      message: explainRegistrationError(e, locale),
    }));
    throw new HttpProblem(422, 'validation-failed', { detail: errors[0]!.message, extra: { errors } });
  }
  const now = services.now();
  const { orderNumber, email } = check.value;
  const activation = await services.store.transaction(async tx => {
    // The customer's row locked: two registrations at once cannot both pass the checks.
    const { rows } = await tx.query<{ fapiao_account_state: string }>(
      'select fapiao_account_state from customers where id = $1 for update',
      [customer.id],
    );
    if (rows[0]?.fapiao_account_state === 'registered')
      throw problemOf(409, { field: 'email', code: 'already-registered' }, locale);
    const found = await tx.query('select 1 from invoices where tenant_id = $1 and upper(number) = $2 limit 1', [
      customer.id,
      orderNumber,
    ]);
    if (found.rows.length === 0) throw problemOf(422, { field: 'orderNumber', code: 'order-number-unknown' }, locale);
    await checkAllowance(tx, customer, now, locale);
    // Registering again (another address, say) replaces the pending registration: its link stops working.
    await tx.query('delete from account_registrations where tenant_id = $1', [customer.id]);
    await tx.query(
      `insert into account_registrations (tenant_id, email, order_number, locale, token_hash, expires_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      // A placeholder token, never sent: newActivation below sets the link's, in this transaction.
      [customer.id, email, orderNumber, locale, hashOf(randomBytes(32).toString('base64url')), iso(now), iso(now)],
    );
    await tx.query("update customers set fapiao_account_state = 'pending-activation' where id = $1", [customer.id]);
    return newActivation(tx, services, customer, locale, now);
  });
  services.forgetCustomers();
  const pending: Customer = { ...customer, account: 'pending-activation' };
  await deliver(services, pending, email, locale, now, activation);
  send(res, 202, await accountOf(services, pending, now));
}

async function resend({ res, locale, services, customer }: CustomerContext): Promise<void> {
  const now = services.now();
  const { email, activation } = await services.store.transaction(async tx => {
    await tx.query('select id from customers where id = $1 for update', [customer.id]);
    const { rows } = await tx.query<{ email: string }>('select email from account_registrations where tenant_id = $1', [
      customer.id,
    ]);
    const pending = rows[0];
    if (customer.account !== 'pending-activation' || !pending) throw new HttpProblem(409, 'account-not-pending');
    await checkAllowance(tx, customer, now, locale);
    return { email: pending.email, activation: await newActivation(tx, services, customer, locale, now) };
  });
  // The e-mail in the language the customer uses now (they may have switched since registering).
  await deliver(services, customer, email, locale, now, activation);
  send(res, 202, await accountOf(services, customer, now));
}

// The activation link opens a page with a button: mail scanners that fetch every link (Outlook's Safe Links, …) must
// not activate an account by looking at it, so the GET only shows and the button's POST activates.
const PAGE: Record<Locale, Record<'title' | 'confirm' | 'button' | 'done' | 'expired' | 'invalid', string>> = {
  'zh-CN': {
    title: '激活发票账户',
    confirm: '点击下面的按钮激活您的发票账户。',
    button: '激活账户',
    done: '您的发票账户已激活。现在可以回到账单页面申请发票。',
    expired: '此激活链接已过期（有效期 24 小时）。请回到账单页面，选择“重新发送激活邮件”。',
    invalid: '此激活链接无效或已使用。如果您的账户尚未激活，请回到账单页面重新发送激活邮件。',
  },
  en: {
    title: 'Activate your Fapiao account',
    confirm: 'Press the button to activate your Fapiao account.',
    button: 'Activate the account',
    done: 'Your Fapiao account is active. Go back to your bills to request Fapiao.',
    expired:
      'This activation link has expired (links work for 24 hours). Go back to your bills and choose "Resend the activation e-mail".',
    invalid:
      'This activation link is not valid, or was used already. If your account is not active yet, go back to your bills and ask for a new e-mail.',
  },
  nl: {
    title: 'Activeer uw Fapiao-account',
    confirm: 'Druk op de knop om uw Fapiao-account te activeren.',
    button: 'Account activeren',
    done: 'Uw Fapiao-account is actief. Ga terug naar uw facturen om Fapiao aan te vragen.',
    expired:
      'Deze activeringslink is verlopen (links werken 24 uur). Ga terug naar uw facturen en kies "Activeringsmail opnieuw versturen".',
    invalid:
      'Deze activeringslink is ongeldig of al gebruikt. Is uw account nog niet actief, ga dan terug naar uw facturen en vraag een nieuwe e-mail aan.',
  },
};

function sendPage(res: ServerResponse, status: number, locale: Locale, body: string): void {
  const words = PAGE[locale];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeMarkup(words.title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head><body><h1>${escapeMarkup(words.title)}</h1>${body}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-language': locale,
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** The page's language: the link's `lang` (the e-mail's), else the browser's. */
const pageLocale = (ctx: Context, lang: string | null): Locale => negotiateLocale([lang, ctx.locale], ctx.locale);

const TOKEN = /^[\w-]{43}$/;

async function activationOf(services: Services, token: string | null) {
  if (!token || !TOKEN.test(token)) return undefined;
  const { rows } = await services.store.query<{ tenant_id: string; email: string; expires_at: Date | string }>(
    'select tenant_id, email, expires_at from account_registrations where token_hash = $1',
    [hashOf(token)],
  );
  return rows[0];
}

/** A urlencoded form body of at most 1 KiB (the activation button's). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded\s*(?:;|$)/i.test(req.headers['content-type'] ?? ''))
    throw new HttpProblem(415, 'unsupported-media-type');
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 1024) throw new HttpProblem(413, 'payload-too-large');
  }
  return new URLSearchParams(text);
}

async function showActivation(ctx: Context): Promise<void> {
  const locale = pageLocale(ctx, ctx.url.searchParams.get('lang'));
  const token = ctx.url.searchParams.get('token');
  const found = await activationOf(ctx.services, token);
  const words = PAGE[locale];
  if (!found) return sendPage(ctx.res, 404, locale, `<p>${escapeMarkup(words.invalid)}</p>`);
  if (new Date(found.expires_at).getTime() <= ctx.services.now())
    return sendPage(ctx.res, 410, locale, `<p>${escapeMarkup(words.expired)}</p>`);
  sendPage(
    ctx.res,
    200,
    locale,
    `<p>${escapeMarkup(words.confirm)}</p><form method="post" action="activate?lang=${locale}"><input type="hidden" name="token" value="${escapeMarkup(token!)}"><button type="submit">${escapeMarkup(words.button)}</button></form>`,
  );
}

async function activate(ctx: Context): Promise<void> {
  const locale = pageLocale(ctx, ctx.url.searchParams.get('lang'));
  const words = PAGE[locale];
  const token = (await readForm(ctx.req)).get('token');
  const now = ctx.services.now();
  const outcome = await ctx.services.store.transaction(async tx => {
    const found = await activationOf({ ...ctx.services, store: tx } as Services, token);
    if (!found) return 'invalid' as const;
    if (new Date(found.expires_at).getTime() <= now) return 'expired' as const;
    await tx.query("update customers set fapiao_account_state = 'registered', fapiao_email = $1 where id = $2", [
      found.email,
      found.tenant_id,
    ]);
    await tx.query('delete from account_registrations where tenant_id = $1', [found.tenant_id]);
    await tx.query('delete from activation_emails where tenant_id = $1', [found.tenant_id]);
    return 'done' as const;
  });
  if (outcome === 'done') ctx.services.forgetCustomers();
  const status = outcome === 'done' ? 200 : outcome === 'expired' ? 410 : 404;
  sendPage(ctx.res, status, locale, `<p>${escapeMarkup(words[outcome])}</p>`);
}

export const fapiaoAccountRoutes: readonly Route[] = [
  customerRoute('GET', /^\/api\/v1\/fapiao-account$/, async ({ res, services, customer }) =>
    send(res, 200, await accountOf(services, customer, services.now())),
  ),
  customerRoute('POST', /^\/api\/v1\/fapiao-account\/registration$/, register),
  customerRoute('POST', /^\/api\/v1\/fapiao-account\/activation-email$/, resend),
  { method: 'GET', path: /^\/fapiao-account\/activate$/, auth: 'none', handle: showActivation },
  { method: 'POST', path: /^\/fapiao-account\/activate$/, auth: 'none', handle: activate },
];
