import type { Store } from './store.js';

/**
 * The schema as numbered steps, applied in order at start and recorded in `schema_migrations`. A transaction-scoped
 * advisory lock makes it safe when several instances start at once on one database: the second waits, then finds
 * the steps applied. Step 1 is the schema the first stores were created with (`if not exists`, so they adopt it).
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      create table if not exists meta (key text primary key, value text not null);
      create table if not exists customers (
        id text primary key, name text not null, token text unique not null,
        fapiao_account_state text not null, fapiao_email text);
      create table if not exists billing_accounts (
        id text primary key, customer_id text not null references customers(id), name text not null, currency text not null);
      create table if not exists invoices (
        id text primary key, customer_id text not null references customers(id), billing_account_id text not null,
        number text not null, invoice_date timestamptz not null, gross bigint not null, status text not null, body jsonb not null);
      create index if not exists invoices_by_date on invoices (customer_id, invoice_date desc, id desc);
      create index if not exists invoices_by_amount on invoices (customer_id, gross, id);
      create table if not exists statements (
        id text primary key, customer_id text not null, billing_account_id text not null, period_start date not null, body jsonb not null);
      create table if not exists buyer_profiles (
        id text primary key, customer_id text not null, created_at timestamptz not null, body jsonb not null);
      create table if not exists fapiao_requests (
        id text primary key, customer_id text not null, created_at timestamptz not null, status text not null, body jsonb not null);
      create table if not exists fapiao_request_invoices (
        request_id text not null, invoice_id text not null, primary key (request_id, invoice_id));
      create table if not exists invoice_claims (invoice_id text primary key, request_id text not null);
      create table if not exists idempotency_keys (
        customer_id text not null, key text not null, body_hash text not null, request_id text not null,
        primary key (customer_id, key));`,
  },
  {
    version: 2,
    name: 'named constraints the server branches on; indexes for per-customer lists and the issuing worker',
    sql: `
      -- At most one open or issued request per invoice: the database refuses a second claim.
      alter table invoice_claims drop constraint if exists invoice_claims_pkey;
      alter table invoice_claims add constraint invoice_claims_one_per_invoice primary key (invoice_id);
      alter table idempotency_keys drop constraint if exists idempotency_keys_pkey;
      alter table idempotency_keys add constraint idempotency_keys_once primary key (customer_id, key);
      create index if not exists buyer_profiles_by_customer on buyer_profiles (customer_id, created_at, id);
      create index if not exists fapiao_requests_by_customer on fapiao_requests (customer_id, created_at desc, id);
      create index if not exists fapiao_requests_open on fapiao_requests (status) where status in ('submitted', 'processing', 'issued');
      create index if not exists statements_by_customer on statements (customer_id, period_start desc, id);`,
  },
  {
    version: 3,
    name: 'Fapiao account registration: the pending registration with its activation token, the activation e-mails sent',
    sql: `
      -- One pending registration per customer; registering again replaces it (and its token). Only a hash of the
      -- token is kept: the link in the e-mail is the only copy.
      create table if not exists account_registrations (
        customer_id text primary key references customers(id), email text not null, order_number text not null,
        locale text not null, token_hash text not null, expires_at timestamptz not null, created_at timestamptz not null);
      create unique index if not exists account_registrations_by_token on account_registrations (token_hash);
      create table if not exists activation_emails (customer_id text not null, sent_at timestamptz not null);
      create index if not exists activation_emails_by_customer on activation_emails (customer_id, sent_at desc);`,
  },
  {
    version: 4,
    name: 'e-Fapiao e-mails: the language of each request, and an outbox the worker sends from',
    sql: `
      alter table fapiao_requests add column if not exists locale text not null default 'zh-CN';
      -- One row per e-mail to send: queued with the issue in one transaction, sent by whichever instance takes it.
      create table if not exists fapiao_emails (
        id bigserial primary key, request_id text not null references fapiao_requests(id), recipient text not null,
        locale text not null, queued_at timestamptz not null, next_attempt_at timestamptz not null,
        attempts int not null default 0, sent_at timestamptz, last_error text);
      create index if not exists fapiao_emails_due on fapiao_emails (next_attempt_at) where sent_at is null;`,
  },
  {
    version: 5,
    name: "the customer's default buyer profile (title)",
    sql: `
      -- A profile id, or null; a deleted profile stops being the default (the list marks only a profile that exists).
      alter table customers add column if not exists default_profile_id text;`,
  },
  {
    version: 6,
    name: 'the issuing queue: one issue and one reversal per request, handed to the issuing provider, and its pauses',
    sql: `
      -- A job per order to the provider. The primary key makes an issue (or a reversal) of a request happen once
      -- however many instances and retries; \`ref\` is the provider's reference once it has the order.
      create table if not exists issuing_jobs (
        request_id text not null references fapiao_requests(id), kind text not null,
        created_at timestamptz not null, started_at timestamptz, ref text, plan jsonb,
        next_attempt_at timestamptz not null, attempts int not null default 0, last_error text,
        done_at timestamptz, outcome text,
        constraint issuing_jobs_once primary key (request_id, kind));
      create index if not exists issuing_jobs_due on issuing_jobs (next_attempt_at) where done_at is null;
      create unique index if not exists issuing_jobs_by_ref on issuing_jobs (ref);
      -- A provider that asked us to wait: until its quota renews, or (until null) until an operator resumes it.
      create table if not exists issuing_pauses (
        provider text primary key, kind text not null, reason text not null, since timestamptz not null, until timestamptz);
      -- Requests a store took before the queue existed join it.
      insert into issuing_jobs (request_id, kind, created_at, next_attempt_at)
        select id, 'issue', created_at, created_at from fapiao_requests where status in ('submitted', 'processing')
        on conflict do nothing;`,
  },
  {
    version: 7,
    name: "every change of a request's status as an event, and its webhook delivery",
    sql: `
      -- Written by a trigger, so no code path that changes a status can forget it; the time is the request's own
      -- (its last history entry), the app's clock rather than the database's.
      create table if not exists request_events (
        id bigserial primary key, request_id text not null, customer_id text not null, status text not null,
        previous_status text, at timestamptz not null,
        webhook_state text not null default 'pending', attempts int not null default 0,
        next_attempt_at timestamptz not null, last_error text, sent_at timestamptz);
      create index if not exists request_events_due on request_events (next_attempt_at) where webhook_state = 'pending';
      create index if not exists request_events_by_request on request_events (request_id, id);
      create or replace function fapiao_request_status_changed() returns trigger language plpgsql as $$ begin if tg_op = 'INSERT' or new.status is distinct from old.status then insert into request_events (request_id, customer_id, status, previous_status, at, next_attempt_at) select new.id, new.customer_id, new.status, case when tg_op = 'UPDATE' then old.status end, t, t from (select coalesce((new.body->'history'->-1->>'at')::timestamptz, now()) as t) as changed; end if; return new; end $$;
      drop trigger if exists fapiao_requests_status_changed on fapiao_requests;
      create trigger fapiao_requests_status_changed after insert or update of status on fapiao_requests
        for each row execute function fapiao_request_status_changed();`,
  },
  {
    version: 8,
    name: 'the address book for paper Fapiao, with a default',
    sql: `
      create table if not exists shipping_addresses (
        id text primary key, customer_id text not null, created_at timestamptz not null, body jsonb not null);
      create index if not exists shipping_addresses_by_customer on shipping_addresses (customer_id, created_at, id);
      alter table customers add column if not exists default_address_id text;`,
  },
  {
    version: 9,
    name: "the customer's e-mail about a change of status, delivered from the same events as the webhooks",
    sql: `
      alter table request_events add column if not exists mail_state text not null default 'pending';
      alter table request_events add column if not exists mail_attempts int not null default 0;
      alter table request_events add column if not exists mail_next_at timestamptz;
      alter table request_events add column if not exists mail_error text;
      -- Events from before this step are history: nobody is e-mailed about them.
      update request_events set mail_state = 'skipped';
      create index if not exists request_events_mail_due on request_events (id) where mail_state = 'pending';`,
  },
  {
    version: 10,
    name: 'requests by amount: a claim takes part of a bill, and the database keeps the claims within its amount',
    sql: `
      -- What a request takes of the bill (its gross in fen); the claims made before this step took their bills whole.
      alter table invoice_claims add column if not exists gross bigint;
      update invoice_claims c set gross = i.gross from invoices i where i.id = c.invoice_id and c.gross is null;
      alter table invoice_claims alter column gross set not null;
      -- Several requests may now share a bill, each for a part.
      alter table invoice_claims drop constraint if exists invoice_claims_one_per_invoice;
      alter table invoice_claims add constraint invoice_claims_once primary key (invoice_id, request_id);
      -- Never more than the bill: the bill's row is locked while its claims are added up, so two requests at once
      -- (on any instance) are counted one after the other, and the second one that does not fit is refused.
      create or replace function invoice_claim_fits() returns trigger language plpgsql as $$ declare bill bigint; taken bigint; begin select gross into bill from invoices where id = new.invoice_id for update; select coalesce(sum(gross), 0) into taken from invoice_claims where invoice_id = new.invoice_id; if bill is null or new.gross <= 0 or taken + new.gross > bill then raise exception 'invoice_claims_within_amount: the claims on invoice % would exceed its amount', new.invoice_id using errcode = '23514', constraint = 'invoice_claims_within_amount'; end if; return new; end $$;
      drop trigger if exists invoice_claims_within_amount on invoice_claims;
      create trigger invoice_claims_within_amount before insert on invoice_claims
        for each row execute function invoice_claim_fits();`,
  },
  {
    version: 11,
    name: 'the tenant on every table: tenant_id in every key, so the store can be distributed by tenant',
    sql: `
      -- The tenant is the customer organisation (a Microsoft 365 tenant, a portal's customer): customers.id. The tables
      -- that named it customer_id now say tenant_id; those that reached it through their request carry it themselves.
      alter table billing_accounts rename column customer_id to tenant_id;
      alter table invoices rename column customer_id to tenant_id;
      alter table statements rename column customer_id to tenant_id;
      alter table buyer_profiles rename column customer_id to tenant_id;
      alter table fapiao_requests rename column customer_id to tenant_id;
      alter table idempotency_keys rename column customer_id to tenant_id;
      alter table account_registrations rename column customer_id to tenant_id;
      alter table activation_emails rename column customer_id to tenant_id;
      alter table request_events rename column customer_id to tenant_id;
      alter table shipping_addresses rename column customer_id to tenant_id;
      alter table fapiao_request_invoices add column if not exists tenant_id text;
      alter table invoice_claims add column if not exists tenant_id text;
      alter table fapiao_emails add column if not exists tenant_id text;
      alter table issuing_jobs add column if not exists tenant_id text;
      update fapiao_request_invoices x set tenant_id = r.tenant_id from fapiao_requests r where r.id = x.request_id;
      update invoice_claims x set tenant_id = r.tenant_id from fapiao_requests r where r.id = x.request_id;
      update fapiao_emails x set tenant_id = r.tenant_id from fapiao_requests r where r.id = x.request_id;
      update issuing_jobs x set tenant_id = r.tenant_id from fapiao_requests r where r.id = x.request_id;
      alter table fapiao_request_invoices alter column tenant_id set not null;
      alter table invoice_claims alter column tenant_id set not null;
      alter table fapiao_emails alter column tenant_id set not null;
      alter table issuing_jobs alter column tenant_id set not null;
      -- Every primary key and unique index leads with the tenant; links between a tenant's rows name it on both sides.
      alter table fapiao_emails drop constraint if exists fapiao_emails_request_id_fkey;
      alter table issuing_jobs drop constraint if exists issuing_jobs_request_id_fkey;
      alter table billing_accounts drop constraint billing_accounts_pkey, add constraint billing_accounts_pkey primary key (tenant_id, id);
      alter table invoices drop constraint invoices_pkey, add constraint invoices_pkey primary key (tenant_id, id);
      alter table statements drop constraint statements_pkey, add constraint statements_pkey primary key (tenant_id, id);
      alter table buyer_profiles drop constraint buyer_profiles_pkey, add constraint buyer_profiles_pkey primary key (tenant_id, id);
      alter table shipping_addresses drop constraint shipping_addresses_pkey, add constraint shipping_addresses_pkey primary key (tenant_id, id);
      alter table fapiao_requests drop constraint fapiao_requests_pkey, add constraint fapiao_requests_pkey primary key (tenant_id, id);
      alter table fapiao_request_invoices drop constraint fapiao_request_invoices_pkey, add constraint fapiao_request_invoices_pkey primary key (tenant_id, request_id, invoice_id);
      alter table invoice_claims drop constraint invoice_claims_once, add constraint invoice_claims_once primary key (tenant_id, invoice_id, request_id);
      alter table fapiao_emails drop constraint fapiao_emails_pkey, add constraint fapiao_emails_pkey primary key (tenant_id, id);
      alter table issuing_jobs drop constraint issuing_jobs_once, add constraint issuing_jobs_once primary key (tenant_id, request_id, kind);
      alter table request_events drop constraint request_events_pkey, add constraint request_events_pkey primary key (tenant_id, id);
      alter table fapiao_emails add constraint fapiao_emails_request_fkey foreign key (tenant_id, request_id) references fapiao_requests (tenant_id, id);
      alter table issuing_jobs add constraint issuing_jobs_request_fkey foreign key (tenant_id, request_id) references fapiao_requests (tenant_id, id);
      -- Looked up across tenants (an activation link, a provider's callback): plain indexes; the token and the
      -- provider's reference are unique by construction (32 random bytes; the provider's own id).
      drop index if exists account_registrations_by_token;
      create index if not exists account_registrations_by_token on account_registrations (token_hash);
      drop index if exists issuing_jobs_by_ref;
      create index if not exists issuing_jobs_by_ref on issuing_jobs (ref);
      create unique index if not exists issuing_jobs_tenant_ref on issuing_jobs (tenant_id, ref);
      -- The triggers read the renamed columns.
      create or replace function fapiao_request_status_changed() returns trigger language plpgsql as $$ begin if tg_op = 'INSERT' or new.status is distinct from old.status then insert into request_events (request_id, tenant_id, status, previous_status, at, next_attempt_at) select new.id, new.tenant_id, new.status, case when tg_op = 'UPDATE' then old.status end, t, t from (select coalesce((new.body->'history'->-1->>'at')::timestamptz, now()) as t) as changed; end if; return new; end $$;
      create or replace function invoice_claim_fits() returns trigger language plpgsql as $$ declare bill bigint; taken bigint; begin select gross into bill from invoices where tenant_id = new.tenant_id and id = new.invoice_id for update; select coalesce(sum(gross), 0) into taken from invoice_claims where tenant_id = new.tenant_id and invoice_id = new.invoice_id; if bill is null or new.gross <= 0 or taken + new.gross > bill then raise exception 'invoice_claims_within_amount: the claims on invoice % would exceed its amount', new.invoice_id using errcode = '23514', constraint = 'invoice_claims_within_amount'; end if; return new; end $$;`,
  },
  {
    version: 12,
    name: 'records kept for a while only: indexes for the retention step over settled events and sent e-mails',
    sql: `
      create index if not exists request_events_settled on request_events (at)
        where webhook_state <> 'pending' and mail_state <> 'pending';
      create index if not exists fapiao_emails_sent on fapiao_emails (sent_at) where sent_at is not null;`,
  },
  {
    version: 13,
    name: 'idempotency keys kept for a while only: the time each was first used',
    sql: `
      -- Keys from before this step count from now: they are kept the full time from the upgrade on.
      alter table idempotency_keys add column if not exists created_at timestamptz not null default now();
      create index if not exists idempotency_keys_by_age on idempotency_keys (created_at);`,
  },
];

const LOCK_KEY = 7_342_001; // any constant: "fapiao-kit migrations"

/** Applies the steps not yet applied, up to `upTo` (all by default; tests stop earlier to build an old store). */
export async function migrate(store: Store, upTo = Number.POSITIVE_INFINITY): Promise<number[]> {
  return store.transaction(async tx => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.query(
      'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).rows.map(r => r.version),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version) || m.version > upTo) continue;
      for (const statement of m.sql
        .split(/;\s*(?:\n|$)/)
        .map(s => s.trim())
        .filter(Boolean))
        await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/**
 * Tables shared by every tenant (in a distributed store: reference tables, copied to every node). Every other table
 * has `tenant_id` in each of its keys (test/node/server/tenant-schema.test.ts checks it on both stores).
 */
export const SHARED_TABLES = ['meta', 'customers', 'issuing_pauses', 'schema_migrations'] as const;

export const TABLES = [
  'meta',
  'customers',
  'billing_accounts',
  'invoices',
  'statements',
  'buyer_profiles',
  'fapiao_requests',
  'fapiao_request_invoices',
  'invoice_claims',
  'idempotency_keys',
  'account_registrations',
  'activation_emails',
  'fapiao_emails',
  'issuing_jobs',
  'issuing_pauses',
  'request_events',
  'shipping_addresses',
];

/** Empties every table (the demo's reset); the schema stays. */
export async function clearStore(store: Store): Promise<void> {
  await store.exec(`truncate ${TABLES.join(', ')} cascade`);
}
