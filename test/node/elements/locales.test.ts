import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as en from '../../../src/elements/locales/en.js';
import * as nl from '../../../src/elements/locales/nl.js';
import * as zhCN from '../../../src/elements/locales/zh-CN.js';
import type { ElementsCatalogue } from '../../../src/elements/locales/index.js';

/** Every leaf of a catalogue as `path → text`, calling message functions with sample arguments. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') {
    // Numbers for counts, strings for the rest: try a count first, fall back to text arguments.
    const f = value as (...a: unknown[]) => unknown;
    // Counts, texts or a list of texts: the first set of sample arguments the message accepts.
    const samples: unknown[][] = [[3, 'X-1', 'X-2', 4], ['X-1', 'X-2', 'X-3', 'X-4'], [['X-1', 'X-2']]];
    let text = '';
    for (const args of samples) {
      try {
        text = String(f(...args));
        break;
      } catch {
        // try the next sample
      }
    }
    out.set(path, text);
  } else
    for (const [k, v] of Object.entries(value as object)) for (const [p, t] of leaves(v, `${path}.${k}`)) out.set(p, t);
  return out;
}

// The elements' own words (the core's are checked in test/core/i18n.test.ts). Types make a missing key a compile
// error; this catches what types cannot: empty text, leftovers of another language, a key left in English.
describe('element catalogues', () => {
  // The core's words, which each module carries along, are checked with the core.
  const own = (c: ElementsCatalogue) => leaves({ billList: c.billList, fapiaoRequest: c.fapiaoRequest });
  const catalogues = { en: own(en), nl: own(nl), 'zh-CN': own(zhCN) };
  it('have the same keys and no empty text', () => {
    const keys = [...catalogues.en.keys()].sort();
    assert.ok(keys.length > 100);
    for (const [locale, map] of Object.entries(catalogues)) {
      assert.deepEqual([...map.keys()].sort(), keys, locale);
      for (const [k, t] of map) assert.ok(t.trim() && !t.includes('undefined'), `${locale}${k}`);
    }
  });
  it('are translated (only brand words and units may repeat across languages)', () => {
    const allowed = new Set(['Fapiao', 'Status', 'PDF']);
    // Dutch says "bytes" and "Fapiao 3" too.
    const allowedKeys = new Set(['.fapiaoRequest.bytes', '.fapiaoRequest.fapiaoNo', '.fapiaoRequest.issuedFapiao']);
    const same = [...catalogues.en].filter(
      ([k, t]) =>
        !allowed.has(t) && !allowedKeys.has(k) && (catalogues.nl.get(k) === t || catalogues['zh-CN'].get(k) === t),
    );
    assert.deepEqual(same, []);
  });
  it('zh-CN has Chinese in every sentence and no traditional forms', () => {
    for (const [k, t] of catalogues['zh-CN']) if (t.length > 8) assert.match(t, /[\u4e00-\u9fff]/, k);
    const all = [...catalogues['zh-CN'].values()].join('');
    for (const traditional of ['發', '帳', '請', '護', '數', '號', '碼', '務', '載', '單'])
      assert.ok(!all.includes(traditional), traditional);
  });
});
