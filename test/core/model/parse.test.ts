import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSafeHttpUrl, parseInvoice, parseStatement } from '../../../src/core/index.js';
import { makeInvoice } from '../../helpers/invoices.js';

const issuesOf = (input: unknown) => {
  const r = parseInvoice(input);
  return r.ok ? [] : r.issues.map(i => `${i.path} ${i.code}`);
};

describe('parseInvoice (untrusted JSON)', () => {
  it('accepts a well-formed invoice and returns it unchanged', () => {
    const invoice = makeInvoice();
    assert.deepEqual(parseInvoice(JSON.parse(JSON.stringify(invoice))), { ok: true, value: invoice });
  });
  it('names each bad field by path and never fills in defaults', () => {
    const bad = JSON.parse(JSON.stringify(makeInvoice()));
    bad.amounts.gross = 100.5;
    bad.status = 'sort-of-paid';
    delete bad.currency;
    bad.payments[0].date = 'yesterday';
    bad.documents = [{ kind: 'invoice', url: 'data:text/html,<script>' }];
    assert.deepEqual(issuesOf(bad), [
      '$.status enum',
      '$.currency required',
      '$.amounts.gross type.fen',
      '$.payments[0].date instant',
      '$.documents[0].url url',
    ]);
  });
  it('checks that the amounts add up', () => {
    const bad = JSON.parse(JSON.stringify(makeInvoice()));
    bad.amounts.net = 1;
    assert.deepEqual(issuesOf(bad), ['$.amounts.net amounts.inconsistent']);
  });
  it('refuses adjustments whose sum leaves the exact integers, without throwing', () => {
    const bad = JSON.parse(JSON.stringify(makeInvoice()));
    bad.amounts.adjustments = [
      { kind: 'credit', amount: Number.MAX_SAFE_INTEGER },
      { kind: 'credit', amount: Number.MAX_SAFE_INTEGER },
    ];
    assert.deepEqual(issuesOf(bad), ['$.amounts.gross amounts.inconsistent']);
  });
  it('rejects non-objects', () => {
    assert.deepEqual(issuesOf(null), ['$ type.object']);
    assert.deepEqual(issuesOf([]), ['$ type.object']);
    assert.deepEqual(issuesOf('invoice'), ['$ type.object']);
  });
  it('never throws on arbitrary JSON (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), v => typeof parseInvoice(v).ok === 'boolean'));
    const good = JSON.parse(JSON.stringify(makeInvoice()));
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(good)), fc.jsonValue(), (key, value) => {
        const r = parseInvoice({ ...good, [key]: value });
        return typeof r.ok === 'boolean';
      }),
    );
  });
  it('checks statement balances', () => {
    const s = {
      id: 'S1',
      billingAccount: { id: 'a' },
      currency: 'CNY',
      period: { start: '2026-10-01', end: '2026-10-31' },
      invoiceIds: ['I1'],
      openingBalance: 100,
      charges: 50,
      payments: 30,
      closingBalance: 120,
    };
    assert.equal(parseStatement(s).ok, true);
    assert.equal(parseStatement({ ...s, closingBalance: 121 }).ok, false);
  });
});

describe('isSafeHttpUrl', () => {
  for (const url of ['https://example.com/a.pdf', 'http://localhost:8080/x', '/api/invoices/1/pdf', '/a?b=%2F%2Fc'])
    it(`allows ${url}`, () => assert.ok(isSafeHttpUrl(url)));
  for (const url of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,x',
    '//evil.example/x',
    'ftp://x',
    ' javascript:x',
    'vbscript:x',
    '/\\evil.example/x.pdf',
    '\\\\evil.example/x.pdf',
    '/\t/evil.example/x.pdf',
    '/\n/evil.example/x.pdf',
    'https:evil.example',
    'https:/evil.example',
    'http://',
    'java\tscript:alert(1)',
    'relative/path.pdf',
    '',
    'https://evil.example:99999/x',
  ])
    it(`refuses ${url}`, () => assert.ok(!isSafeHttpUrl(url)));
  it('takes a plain path at once and refuses controls, spaces, backslashes and other hosts (property)', () => {
    const PLAIN_PATH = /^\/(?![/])[\w\-.~!$&'()*+,;=:@%/?#]*$/;
    const chars = [...'/aZ09_-.~!$&\'()*+,;=:@%?#\\ \t\n"<>[]^`{|}é中\u0000\u007f\u00a0'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map(cs => cs.join(''));
    fc.assert(
      fc.property(text, path => {
        // What the pattern says yes to is a safe link; what it refuses goes on to the URL parse, which refuses
        // every text with controls, spaces or backslashes and every relative path that leaves this origin.
        if (PLAIN_PATH.test(path)) assert.equal(isSafeHttpUrl(path), true, JSON.stringify(path));
        else if (/[\u0000-\u0020\u007f\\]/.test(path) || !path.startsWith('/') || path.startsWith('//'))
          assert.equal(isSafeHttpUrl(path), false, JSON.stringify(path));
      }),
      { numRuns: 20_000 },
    );
  });
  it('answers the plain shapes without a URL parse exactly as the parse does', () => {
    // The fast path may only say yes where the WHATWG parse says yes.
    const hosts = ['example.com', 'a', 'a-b.c', 'x.y.z', '1.2.3.4', 'localhost'];
    const paths = ['', '/', '/a.pdf', '/a?b=1#c', '/%2F%2F', "/a/b;c=d!$&'()*+,", '?q', '#f', '/@x:y'];
    for (const h of hosts)
      for (const p of paths)
        for (const scheme of ['http', 'https', 'HTTPS']) {
          const url = `${scheme}://${h}${p}`;
          assert.equal(isSafeHttpUrl(url), new URL(url).host !== '', url);
        }
  });
});
