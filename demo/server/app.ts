import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  negotiateLocale,
  parseAcceptLanguage,
  type DeliveryOptions,
  type DraftPolicy,
  DEFAULT_DRAFT_POLICY,
  DEFAULT_ISSUE_WORKING_DAYS,
  type Locale,
  type ReissuePolicy,
} from '../../src/core/node.js';
import { createAuthenticator, sameSecret } from './customers.js';
import { REFERENCE_DELIVERY } from './delivery.js';
import { applyFault, createFaults, nextFault, type FaultState } from './faults.js';
import type { IssuingProvider } from './issuing/provider.js';
import { simulatedProvider } from './issuing/simulated-provider.js';
import { HttpProblem, parseTarget, pathParam, SECURITY_HEADERS, sendProblem } from './http.js';
import { adminRoutes } from './routes/admin.js';
import { billRoutes } from './routes/bills.js';
import { buyerProfileRoutes } from './routes/buyer-profiles.js';
import { shippingAddressRoutes } from './routes/shipping-addresses.js';
import { fapiaoBalanceRoutes } from './routes/fapiao-balance.js';
import { fapiaoPlanRoutes } from './routes/fapiao-plan.js';
import { fapiaoAccountRoutes } from './routes/fapiao-account.js';
import { fapiaoRequestRoutes } from './routes/fapiao-requests.js';
import { issuingCallbackRoutes } from './routes/issuing-callback.js';
import type { Mailer } from './mail.js';
import type { CaughtMail } from './mail-catcher.js';
import type { Context, Route, Services } from './routes/route.js';
import { staticRoutes } from './routes/static.js';
import { seed } from './seed.js';
import { webhookKey, type WebhookEndpoint } from './webhooks.js';
import { clearStore, isUniqueViolation, type Store } from './store/index.js';

/** One structured log line (JSON): an access line when asked for, every 5xx always. */
export interface LogEntry {
  readonly time: string;
  readonly level: 'info' | 'error';
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly error?: string;
  /** The answer was made up by the demo's fault injection. */
  readonly fault?: boolean;
}

export interface Limits {
  /** Time to receive a request's headers (slow-header clients are cut off). */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
}

export const DEFAULT_LIMITS: Limits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

export interface AppOptions {
  readonly store: Store;
  /**
   * The demo's admin API (`/__admin`: faults, clock, reset, back office) with the token that unlocks it. Only for
   * `--demo` on a developer's machine: it can wipe the store.
   */
  readonly demo?: { readonly adminToken: string; readonly mailbox?: () => readonly CaughtMail[] };
  readonly faults?: Partial<FaultState>;
  /** Folder with `demo/index.html` and `bundle/`, served at `/` (only those files). */
  readonly staticRoot?: string;
  /** Fixed clock for tests (epoch ms); real time otherwise. */
  readonly now?: number;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  readonly corsOrigins?: readonly string[];
  readonly limits?: Partial<Limits>;
  /** Log every request, not only errors. */
  readonly logRequests?: boolean;
  /** Where e-mails go (activation links); without one, registering answers 503. */
  readonly mailer?: Mailer;
  /** The address customers reach this server at, for links in e-mails; the listening address when not given. */
  readonly publicUrl?: string;
  /** How Fapiao reach customers; everything the 21Vianet process has (e-mail, SF or Yunda, pick-up) by default. */
  readonly delivery?: DeliveryOptions;
  /** The seller's rules for the form; 专票 address and bank required by default (`DEFAULT_DRAFT_POLICY`). */
  readonly draftPolicy?: DraftPolicy;
  /** How many working days the seller takes to issue; 21Vianet's 2 by default (`DEFAULT_ISSUE_WORKING_DAYS`). */
  readonly issueWithinWorkingDays?: number;
  /** How long after issue customers may ask for a reissue; 180 China days by default (Tencent Cloud's six months). */
  readonly reissuePolicy?: ReissuePolicy;
  /** The issuing provider (the port in issuing/provider.ts); the simulation by default. */
  readonly issuing?: IssuingProvider;
  /** The host's endpoint for changes of status (Standard Webhooks); checked here, so a bad one fails at start. */
  readonly webhooks?: WebhookEndpoint;
  readonly logger?: (entry: LogEntry) => void;
}

export interface App {
  readonly server: Server;
  readonly faults: FaultState;
  readonly store: Store;
  /** The issuing provider the app was given (or its simulation): the back-office worker calls it. */
  readonly issuing: IssuingProvider;
  now(): number;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const EXPOSED = 'location, idempotent-replayed, retry-after, x-request-id, content-disposition, content-language';

const writeJsonLine = (entry: LogEntry) => process.stderr.write(`${JSON.stringify(entry)}\n`);

/**
 * The admin API answers the demo page only: the token it was given, from this origin (a cross-site page cannot send
 * the header without a preflight this server never grants), on a loopback host (no DNS rebinding), JSON bodies only.
 */
function checkAdmin(req: IncomingMessage, token: string): void {
  const given = req.headers['x-admin-token'];
  const host = req.headers.host ?? '';
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (
    typeof given !== 'string' ||
    !sameSecret(given, token) ||
    (site !== undefined && site !== 'same-origin') ||
    (origin !== undefined && origin !== `http://${host}`) ||
    !LOOPBACK.has(host.replace(/:\d+$/, ''))
  ) {
    throw new HttpProblem(403, 'forbidden');
  }
  if (req.method !== 'GET' && !/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpProblem(415, 'unsupported-media-type');
}

/** The reference server: a route table over `routes/`, with the checks every request goes through. */
export function createApp(options: AppOptions): App {
  const { store } = options;
  const webhookProblem = options.webhooks && webhookKey(options.webhooks);
  if (typeof webhookProblem === 'string') throw new TypeError(webhookProblem);
  const faults = createFaults(options.faults);
  let clock: number | undefined = options.now;
  const customers = createAuthenticator(store);
  let listeningAt = '';
  const now = () => clock ?? Date.now();
  const services: Services = {
    store,
    now,
    issuing: options.issuing ?? simulatedProvider({ now }),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    publicUrl: () => options.publicUrl ?? listeningAt,
    delivery: options.delivery ?? REFERENCE_DELIVERY,
    draftPolicy: options.draftPolicy ?? DEFAULT_DRAFT_POLICY,
    issueWithinWorkingDays: options.issueWithinWorkingDays ?? DEFAULT_ISSUE_WORKING_DAYS,
    reissuePolicy: options.reissuePolicy ?? { windowDays: 180 },
    forgetCustomers: () => customers.forget(),
  };
  const logger = options.logger ?? writeJsonLine;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const cors = new Set(options.corsOrigins ?? []);
  /** Answers the fault injector made up: logged as what they are, not as the server's errors. */
  const injected = new WeakSet<ServerResponse>();

  const routes: Route[] = [
    ...billRoutes,
    ...fapiaoAccountRoutes,
    ...buyerProfileRoutes,
    ...shippingAddressRoutes,
    ...fapiaoBalanceRoutes,
    ...fapiaoPlanRoutes,
    ...fapiaoRequestRoutes,
    ...issuingCallbackRoutes,
  ];
  if (options.demo) {
    routes.push(
      ...adminRoutes({
        faults,
        setClock: at => (clock = at),
        customersChanged: () => customers.forget(),
        ...(options.demo.mailbox ? { mailbox: options.demo.mailbox } : {}),
        reset: async () => {
          await clearStore(store);
          await seed(store, services.now());
          customers.forget();
        },
      }),
    );
  }
  if (options.staticRoot) routes.push(...staticRoutes(options.staticRoot, options.demo?.adminToken));

  function corsHeaders(req: IncomingMessage, path: string): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !path.startsWith('/api/') || !cors.has(origin)) return {};
    return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': EXPOSED };
  }

  async function run(route: Route, ctx: Context): Promise<void> {
    if (route.auth === 'customer') {
      const customer = await customers.authenticate(ctx.req);
      return route.handle({ ...ctx, customer });
    }
    if (route.auth === 'admin') checkAdmin(ctx.req, options.demo!.adminToken);
    return route.handle(ctx);
  }

  /** The demo's fault injection, on API calls only: latency, a fault instead of the answer, or after it. */
  async function runWithFaults(route: Route, ctx: Context): Promise<void> {
    const { req, res, url } = ctx;
    const method = req.method ?? 'GET';
    if (faults.latencyMs > 0) await new Promise(r => setTimeout(r, faults.latencyMs));
    const before = nextFault(faults, method, url.pathname, 'before');
    if (before) injected.add(res);
    if (before && (await applyFault(before, req, res))) return;
    const after = nextFault(faults, method, url.pathname, 'after');
    if (!after) return run(route, ctx);
    injected.add(res);
    // The request takes effect, then its answer is lost.
    const sink = {
      writeHead: () => sink,
      end: () => undefined,
      setHeader: () => undefined,
    } as unknown as ServerResponse;
    await run(route, { ...ctx, res: sink }).catch(() => undefined);
    await applyFault(after, req, res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = performance.now();
    let locale: Locale = 'en';
    let path = '?';
    let failure: unknown;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('x-request-id', requestId);
    try {
      locale = negotiateLocale(parseAcceptLanguage(String(req.headers['accept-language'] ?? '')), 'en');
      const url = parseTarget(req.url);
      path = url.pathname;
      for (const [name, value] of Object.entries(corsHeaders(req, path))) res.setHeader(name, value);
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const matching = routes.filter(r => r.path.test(path));
      if (matching.length === 0) throw new HttpProblem(404, 'not-found', { params: { what: 'The path' } });
      const allow = [...new Set(matching.flatMap(r => (r.method === 'GET' ? ['GET', 'HEAD'] : [r.method])))].join(', ');
      if (method === 'OPTIONS') {
        const preflight = res.hasHeader('access-control-allow-origin')
          ? {
              'access-control-allow-methods': allow,
              'access-control-allow-headers': 'authorization, content-type, idempotency-key, accept-language',
              'access-control-max-age': '600',
            }
          : {};
        res.writeHead(204, { allow, ...preflight }).end();
        return;
      }
      const route = matching.find(r => r.method === method);
      if (!route) {
        throw new HttpProblem(405, 'method-not-allowed', { params: { method, allow }, headers: { allow } });
      }
      const groups = route.path.exec(path)?.groups ?? {};
      const params = Object.fromEntries(
        Object.entries(groups).map(([name, raw]) => [name, pathParam(raw, route.what ?? name)]),
      );
      const ctx: Context = { req, res, url, locale, requestId, params, services };
      await (path.startsWith('/api/') ? runWithFaults(route, ctx) : run(route, ctx));
    } catch (error) {
      if ((error as { code?: string }).code === 'ECONNRESET') {
        // The client went away while its body was being read: nobody to answer, and not the server's failure.
        res.destroy();
        return;
      }
      if (res.headersSent) {
        failure = error;
        res.destroy();
        return;
      }
      if (error instanceof HttpProblem) sendProblem(res, error, locale, requestId);
      else if (isUniqueViolation(error)) {
        // A constraint held that no route expected: still the client's conflict, never a 500.
        sendProblem(res, new HttpProblem(409, 'conflict'), locale, requestId);
      } else {
        failure = error;
        sendProblem(res, new HttpProblem(500, 'internal-error'), locale, requestId);
      }
    } finally {
      const status = res.statusCode;
      const serverError = (status >= 500 && !injected.has(res)) || failure !== undefined;
      if (options.logRequests || serverError) {
        logger({
          time: new Date().toISOString(),
          level: serverError ? 'error' : 'info',
          ...(injected.has(res) ? { fault: true } : {}),
          requestId,
          method: req.method ?? '?',
          path,
          status,
          ms: Math.round(performance.now() - started),
          ...(failure ? { error: (failure as Error).stack ?? String(failure) } : {}),
        });
      }
    }
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => void handle(req, res),
  );
  server.maxConnections = limits.maxConnections;
  return {
    server,
    faults,
    store,
    issuing: services.issuing,
    now: services.now,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const shown = host.includes(':') ? `[${host}]` : host;
          listeningAt = `http://${shown}:${typeof address === 'object' && address ? address.port : port}`;
          resolve(listeningAt);
        });
      }),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
