import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise, type Entry } from 'yauzl';
import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { renderFapiaoFile } from '../../../demo/server/issuing/simulated-provider.js';
import { fapiaoArchive } from '../../../demo/server/archive.js';
import { emptyDraft, toFen, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { callApi, NOW, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// Several Fapiao at once: one ZIP, read back with yauzl (a zip library of its own, not our writer).
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => server.stop());

const get = (path: string, token: string = TOKENS.contoso) =>
  fetch(server.api + path, { headers: { authorization: `Bearer ${token}` } });

async function entries(zip: Buffer): Promise<Map<string, Buffer>> {
  const file = await fromBufferPromise(zip, { lazyEntries: true, decodeStrings: true });
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: Entry) => {
      file
        .openReadStreamPromise(entry)
        .then(stream => buffer(stream))
        .then(data => {
          out.set(entry.fileName, data);
          file.readEntry();
        }, reject);
    });
    file.on('end', () => resolve());
    file.on('error', reject);
    file.readEntry();
  });
  return out;
}

describe('GET /api/v1/fapiao-files.zip', () => {
  it("has every issued Fapiao's PDF, OFD and XML of the chosen requests, and a manifest an accountant opens in Excel", async () => {
    const { items } = (await (await get('fapiao-requests')).json()) as {
      items: { id: string; invoiceNumbers: string[]; fapiaos: { number: string; gross: number }[] }[];
    };
    const issued = items.filter(r => r.fapiaos.length).slice(0, 3);
    const bills = issued.flatMap(x => x.invoiceNumbers);
    assert.ok(issued.length >= 2, 'the seed has issued requests');
    const r = await get(`fapiao-files.zip?requests=${issued.map(x => x.id).join(',')}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/zip');
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="fapiao-2026-11-24\.zip"/);
    const files = await entries(Buffer.from(await r.arrayBuffer()));
    const numbers = issued.flatMap(x => x.fapiaos.map(f => f.number));
    assert.deepEqual(
      [...files.keys()].sort(),
      [
        ...numbers.flatMap(n => [`${n}.pdf`, `${n}.ofd`, `${n}.xml`]),
        ...bills.map(b => `账单/${b}.pdf`),
        '清单.csv',
        '账单对照.csv',
      ].sort(),
    );
    for (const b of bills) assert.equal(files.get(`账单/${b}.pdf`)!.subarray(0, 5).toString(), '%PDF-');
    for (const n of numbers) {
      assert.equal(files.get(`${n}.pdf`)!.subarray(0, 5).toString(), '%PDF-');
      assert.match(files.get(`${n}.xml`)!.toString(), new RegExp(`<InvoiceNumber>${n}</InvoiceNumber>`));
    }
    const csv = files.get('清单.csv')!.toString('utf8');
    assert.ok(
      csv.startsWith('\ufeff发票号码,类型,开票日期,金额,税额,价税合计,账单号,申请编号,红冲\r\n'),
      csv.slice(0, 80),
    );
    assert.equal(csv.trimEnd().split('\r\n').length, numbers.length + 1);
  });

  it("answers another customer's request, a made-up one or bad ids as if they did not exist, and lets nothing out", async () => {
    const { items } = (await (await get('fapiao-requests')).json()) as { items: { id: string; fapiaos: unknown[] }[] };
    const contoso = items.find(r => r.fapiaos.length)!.id;
    assert.equal((await get(`fapiao-files.zip?requests=${contoso}`, TOKENS.fabrikam)).status, 404);
    assert.equal((await get(`fapiao-files.zip?requests=${contoso},REQ-nope`)).status, 404);
    const pending = items.find(r => r.fapiaos.length === 0)!.id;
    assert.equal((await get(`fapiao-files.zip?requests=${pending}`)).status, 404, 'nothing issued yet');
    for (const bad of [
      '',
      '?requests=',
      '?requests=,,',
      '?requests=a%00b',
      `?requests=${'x,'.repeat(101)}`,
      '?requests=../etc',
    ])
      assert.equal((await get(`fapiao-files.zip${bad}`)).status, 400, bad.slice(0, 30));
    assert.equal((await fetch(`${server.api}fapiao-files.zip?requests=${contoso}`)).status, 401);
    assert.deepEqual(server.logs, []);
  });
});

describe('the accountant’s bundle for a tax period', () => {
  type Listed = {
    id: string;
    invoiceNumbers: string[];
    fapiaos: { number: string; issuedAt: string; reverses?: string }[];
  };
  const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

  it('holds every Fapiao issued in the period (China days), the bills’ PDFs and the bill ⇄ payment ⇄ Fapiao table', async () => {
    const { items } = (await (await get('fapiao-requests')).json()) as { items: Listed[] };
    const issuedDays = items.flatMap(r => r.fapiaos.map(f => chinaDay(f.issuedAt))).sort();
    const month = issuedDays.at(-1)!.slice(0, 7);
    const [from, to] = [`${month}-01`, `${month}-31`.replace(/-(02|04|06|09|11)-31$/, '-$1-28')];
    const inside = items.flatMap(r =>
      r.fapiaos.filter(f => chinaDay(f.issuedAt) >= from && chinaDay(f.issuedAt) <= to).map(f => ({ r, f })),
    );
    assert.ok(inside.length >= 1);
    const r = await get(`fapiao-files.zip?from=${from}&to=${to}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition') ?? '', new RegExp(`filename="fapiao-${from}_${to}\\.zip"`));
    const files = await entries(Buffer.from(await r.arrayBuffer()));
    const fapiaoFiles = [...files.keys()].filter(k => /^\d{20}\.(pdf|ofd|xml)$/.test(k));
    assert.deepEqual(
      fapiaoFiles.sort(),
      inside.flatMap(({ f }) => ['pdf', 'ofd', 'xml'].map(x => `${f.number}.${x}`)).sort(),
      'the period’s Fapiao and no other',
    );
    const table = files.get('账单对照.csv')!.toString('utf8').trimEnd().split('\r\n');
    assert.equal(table[0], '\ufeff账单号,账单日期,币种,账单金额,付款日期,已付金额,本次开票金额,发票号码,申请编号,红冲');
    const { r: first, f } = inside[0]!;
    const row = table.find(line => line.includes(f.number))!;
    assert.ok(row, 'the Fapiao maps to its bill');
    const cells = row.split(',').map(c => c.replace(/^"|"$/g, ''));
    assert.equal(cells[0], first.invoiceNumbers[0]);
    assert.match(cells[4]!, /^\d{4}-\d{2}-\d{2}/, 'paid on');
    assert.equal(cells[8], first.id);
    assert.ok(files.has(`账单/${first.invoiceNumbers[0]}.pdf`));
  });

  it('puts a reissue’s red-letter Fapiao in the period it was issued, not the reversed one’s', async () => {
    const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);
    const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });
    const page = (await (
      await call('GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=20')
    ).json()) as {
      items: Invoice[];
    };
    const taken = new Set(
      ((await (await get('fapiao-requests')).json()) as { items: Listed[] }).items.flatMap(r => r.invoiceNumbers),
    );
    const bill = page.items.find(i => !taken.has(i.number))!;
    const created = (await (await call('POST', 'fapiao-requests', { invoiceIds: [bill.id], draft })).json()) as Listed;
    await server.admin('/process-requests');
    await server.admin('/process-requests'); // issued on 2026-11-24
    try {
      await server.admin('/clock', { now: '2026-12-02T04:00:00Z' }, 'PUT');
      const asked = await call('POST', `fapiao-requests/${created.id}/reissue`, {
        reason: 'buyer-name',
        draft: { ...draft, title: '康托索（上海）信息技术有限公司' },
      });
      assert.equal(asked.status, 202);
      for (let i = 0; i < 5; i++) await server.admin('/process-requests');
      const old = (await (await get(`fapiao-requests/${created.id}`)).json()) as Listed;
      const blue = old.fapiaos.find(f => !f.reverses)!;
      const red = old.fapiaos.find(f => f.reverses)!;
      assert.ok(red, 'reversed');
      const numbersIn = async (from: string, to: string) => {
        const zip = await get(`fapiao-files.zip?from=${from}&to=${to}`);
        assert.equal(zip.status, 200);
        const names = [...(await entries(Buffer.from(await zip.arrayBuffer()))).keys()];
        return new Set(names.filter(n => n.endsWith('.xml')).map(n => n.slice(0, 20)));
      };
      const november = await numbersIn('2026-11-01', '2026-11-30');
      const december = await numbersIn('2026-12-01', '2026-12-31');
      assert.deepEqual([november.has(blue.number), november.has(red.number)], [true, false]);
      assert.deepEqual([december.has(blue.number), december.has(red.number)], [false, true]);
    } finally {
      await server.admin('/clock', { now: new Date(NOW).toISOString() }, 'PUT');
    }
  });

  it('says how much of a bill each request invoiced, and holds a bill two requests share once', async () => {
    const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);
    const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });
    type Created = Listed & { invoiceIds: string[]; amounts?: number[] };
    // An amount that ends part-way through a bill, then that bill's rest asked for by the bill.
    const byAmount = await call('POST', 'fapiao-requests', {
      amount: { sellerId: '21vianet-sh', currency: 'CNY', gross: 12_345 },
      draft,
    });
    assert.equal(byAmount.status, 201);
    const part = (await byAmount.json()) as Created;
    const shared = part.invoiceIds.at(-1)!;
    const bill = (await (await call('GET', `invoices/${shared}`)).json()) as Invoice;
    const taken = part.amounts!.at(-1)!;
    assert.ok(taken < bill.amounts.gross, 'the last bill in part');
    const rest = (await (await call('POST', 'fapiao-requests', { invoiceIds: [shared], draft })).json()) as Created;
    await server.admin('/process-requests');
    await server.admin('/process-requests');
    const r = await get(`fapiao-files.zip?requests=${part.id},${rest.id}`);
    assert.equal(r.status, 200);
    const files = await entries(Buffer.from(await r.arrayBuffer()));
    assert.equal([...files.keys()].filter(k => k === `账单/${bill.number}.pdf`).length, 1, 'its PDF once');
    const rows = files
      .get('账单对照.csv')!
      .toString('utf8')
      .trimEnd()
      .split('\r\n')
      .map(line => line.split(',').map(c => c.replace(/^"|"$/g, '')))
      .filter(cells => cells[0] === bill.number);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const byRequest = (a: string[], b: string[]) => (a[2]! < b[2]! ? -1 : 1); // both made at the same (test) time
    assert.deepEqual(
      rows.map(cells => [cells[3]!, cells[6]!, cells[8]!]).sort(byRequest),
      [
        [yuan(bill.amounts.gross), yuan(taken), part.id],
        [yuan(bill.amounts.gross), yuan(bill.amounts.gross - taken), rest.id],
      ].sort(byRequest),
      'each request with its part of the bill, the two adding up to it',
    );
  });

  it('refuses a period that is not one, and says when nothing was issued in it', async () => {
    for (const query of [
      'from=2026-10-01',
      'to=2026-10-31',
      'from=2026-10-31&to=2026-10-01',
      'from=2025-01-01&to=2026-06-30',
      'from=2026-02-30&to=2026-03-31',
      'from=20261001&to=20261031',
      'from=2026-10-01&to=2026-10-31&requests=REQ-1',
    ])
      assert.equal((await get(`fapiao-files.zip?${query}`)).status, 400, query);
    assert.equal((await get('fapiao-files.zip?from=2020-01-01&to=2020-12-31')).status, 404);
    assert.equal(
      (await get('fapiao-files.zip?from=2026-01-01&to=2026-12-31', TOKENS.fabrikam)).status,
      404,
      'no Fapiao of theirs',
    );
    assert.deepEqual(server.logs, []);
  });
});

describe('the ZIP manifest', () => {
  it("defuses a bill number that starts like a formula, as the bills' CSV does, and keeps amounts as numbers", async () => {
    const fapiao = {
      number: '26312000000123456789',
      kind: 'ordinary' as const,
      issuedAt: '2026-11-25T16:30:00Z',
      currency: 'CNY',
      net: toFen(-10_000),
      tax: toFen(-600),
      gross: toFen(-10_600),
      files: [],
    };
    const request = {
      id: 'REQ-1',
      invoiceIds: ['a'],
      invoiceNumbers: ['=HYPERLINK("http://x")'],
      fapiaoKind: 'ordinary',
      buyer: { buyerKind: 'individual', title: '张三' },
      delivery: 'electronic',
      status: 'issued',
      history: [],
      fapiaos: [fapiao],
      createdAt: '2026-11-24T02:00:00Z',
    } as FapiaoRequest;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const res = Object.assign(out, { writeHead: () => res }) as unknown as ServerResponse;
    await fapiaoArchive(res, { requests: [request], now: new Date('2026-11-26T00:00:00Z') }, renderFapiaoFile);
    const csv = (await entries(Buffer.concat(chunks))).get('清单.csv')!.toString('utf8');
    const row = csv.split('\r\n')[1]!;
    assert.equal(
      row,
      `26312000000123456789,普通发票,2026-11-26,-100.00,-6.00,-106.00,"'=HYPERLINK(""http://x"")",REQ-1,`,
    );
  });
});
