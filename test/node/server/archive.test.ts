import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise, type Entry } from 'yauzl';
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
