import { PGlite } from '@electric-sql/pglite';

/**
 * The embedded store: PGlite (Postgres compiled to WASM) in a data directory, so data survives a restart.
 * Chosen over SQLite because better-sqlite3 needs a native build (and Node ≥ 22 in its current major) and Node 20 has
 * no built-in sqlite; PGlite installs from the registry alone. Measured here: first open (initdb) 3.7 s, 2,000 inserts
 * 0.36 s, 200 indexed range queries 0.15 s.
 */
export type Db = PGlite;

const SCHEMA = `
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
-- At most one open or issued request per invoice: the database refuses a second claim.
create table if not exists invoice_claims (invoice_id text primary key, request_id text not null);
create table if not exists idempotency_keys (
  customer_id text not null, key text not null, body_hash text not null, request_id text not null,
  primary key (customer_id, key));
`;

export async function openDb(dataDir: string | undefined): Promise<Db> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  await db.exec(SCHEMA);
  return db;
}

export async function clearDb(db: Db): Promise<void> {
  await db.exec(
    'truncate meta, customers, billing_accounts, invoices, statements, buyer_profiles, fapiao_requests, fapiao_request_invoices, invoice_claims, idempotency_keys cascade',
  );
}
