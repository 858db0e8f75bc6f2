import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise, type Entry } from 'yauzl';
import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { renderFapiaoFile } from '../../../demo/server/issuing/simulated-provider.js';
import { fapiaoArchive } from '../../../demo/server/archive.js';
import { toFen, type FapiaoRequest } from '../../../src/core/index.js';
import { startServer, TOKENS, type TestServer } from '../helpers/server.js';

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
      items: { id: string; fapiaos: { number: string; gross: number }[] }[];
    };
    const issued = items.filter(r => r.fapiaos.length).slice(0, 3);
    assert.ok(issued.length >= 2, 'the seed has issued requests');
    const r = await get(`fapiao-files.zip?requests=${issued.map(x => x.id).join(',')}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/zip');
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="fapiao-2026-11-24\.zip"/);
    const files = await entries(Buffer.from(await r.arrayBuffer()));
    const numbers = issued.flatMap(x => x.fapiaos.map(f => f.number));
    assert.deepEqual(
      [...files.keys()].sort(),
      [...numbers.flatMap(n => [`${n}.pdf`, `${n}.ofd`, `${n}.xml`]), '清单.csv'].sort(),
    );
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
    await fapiaoArchive(res, [request], new Date('2026-11-26T00:00:00Z'), renderFapiaoFile);
    const csv = (await entries(Buffer.concat(chunks))).get('清单.csv')!.toString('utf8');
    const row = csv.split('\r\n')[1]!;
    assert.equal(
      row,
      `26312000000123456789,普通发票,2026-11-26,-100.00,-6.00,-106.00,"'=HYPERLINK(""http://x"")",REQ-1,`,
    );
  });
});
