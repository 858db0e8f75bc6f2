import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  coreMessages,
  LOCALES,
  negotiateLocale,
  parseAcceptLanguage,
  type CoreMessages,
} from '../../../src/core/node.js'; // the Node entry: every language registered

/** Every leaf of a catalogue as `path → text`, calling message functions with sample parameters. */
function leaves(m: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof m === 'string') out.set(path, m);
  else if (typeof m === 'function')
    out.set(
      path,
      m({
        status: 500,
        detail: 'x',
        label: 'L',
        max: 1,
        actual: 2,
        chars: 'x',
        length: 3,
        currency: 'USD',
        minimum: 1,
        minimumText: 'M',
        invoiceableText: 'I',
        from: 'F',
        fromText: 'F',
        on: 'O',
        expected: 'E',
        days: 3,
        until: 'U',
        untilText: 'U',
      }),
    );
  else for (const [k, v] of Object.entries(m as object)) for (const [p, t] of leaves(v, `${path}.${k}`)) out.set(p, t);
  return out;
}

describe('message catalogues', () => {
  const catalogues = Object.fromEntries(LOCALES.map(l => [l, leaves(coreMessages(l))])) as Record<
    string,
    Map<string, string>
  >;
  it('have the same keys in zh-CN, en and nl', () => {
    const keys = [...catalogues.en!.keys()].sort();
    for (const l of LOCALES) assert.deepEqual([...catalogues[l]!.keys()].sort(), keys, l);
    assert.ok(keys.length > 60);
  });
  it('have no empty or untranslated text', () => {
    for (const l of LOCALES)
      for (const [k, t] of catalogues[l]!) assert.ok(t.trim().length > 0 && !t.includes('undefined'), `${l}${k}`);
    let same = 0;
    for (const [k, t] of catalogues.en!) {
      if (k.startsWith('.courier.')) continue; // brand names: SF Express is SF Express in Dutch too
      if (catalogues.nl!.get(k) === t || catalogues['zh-CN']!.get(k) === t) same++;
    }
    // Words Dutch shares with English ("Status", "Fapiao" as a CSV header) are the only allowed repeats.
    assert.ok(same <= 4, `${same} strings are identical across locales`);
  });
  it('zh-CN uses Simplified characters only in the common traps', () => {
    const all = [...catalogues['zh-CN']!.values()].join('');
    for (const traditional of ['發', '帳', '請', '護', '數', '號', '碼', '務'])
      assert.ok(!all.includes(traditional), traditional);
    const typed: CoreMessages = coreMessages('zh-CN');
    assert.match(typed.fapiaoKind.special, /增值税专用发票/);
  });
});

describe('negotiateLocale', () => {
  const cases: [(string | undefined)[], string][] = [
    [['zh'], 'zh-CN'],
    [['zh-Hans'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['zh_CN'], 'zh-CN'],
    [['nl-BE'], 'nl'],
    [['en-GB'], 'en'],
    [['fr', 'nl'], 'nl'],
    [['fr'], 'zh-CN'],
    [[undefined, '', 'en'], 'en'],
    [['!!bad!!', 'en-US'], 'en'],
    [['EN'], 'en'],
  ];
  for (const [prefs, expected] of cases)
    it(`${JSON.stringify(prefs)} → ${expected}`, () => assert.equal(negotiateLocale(prefs), expected));
  it('reads Accept-Language by quality', () => {
    assert.deepEqual(parseAcceptLanguage('fr;q=0.9, nl-NL, en;q=0.8, *;q=0.1, de;q=0'), ['nl-NL', 'fr', 'en']);
    assert.equal(negotiateLocale(parseAcceptLanguage('de, en;q=0.5')), 'en');
  });
});
