import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  chunkOf,
  entryOf,
  inputsOf,
  measureSplitSizes,
  staticClosure,
  sumGzip,
  type SplitSizes,
} from '../../helpers/split-build.js';

// The pages an adopter builds (test/helpers/split-build.ts: esbuild with code splitting from dist/, gzip -9 of each
// chunk added up; each language a chunk of its own, the figures count one, zh-CN, the largest).
//
// What a bills page loads before <bill-list> first renders: the entry chunk, every chunk it imports statically and the
// language. Measured 49,927 when this test came (56.2 KB in issue 13's measurement, 54,069 with the form's chunk split
// off but the core barrel still imported by <bill-list>); 43,154 once each language became a chunk of its own.
// Issue 13's goal is 30,000. Both elements complete with one language: 56,349 (goal 38,000). The core with one
// language: 17,177 (goal 10,000). The same ~1.5 % margin as the other budgets. Raised once for issue 14's first
// steps (a status or document kind a source adds, account registration rules and words, capital numerals): first
// render 43,923, both elements 57,111, the core 18,852; then <fapiao-account> (its words in each language chunk, the
// client's registration calls): first render 44,938 in 4 chunks, both elements 58,579; then operator notices and the
// ZIP download: first render 45,198, both elements 59,155, the core 19,163; then delivery (couriers, pick-up,
// tracking), the e-Fapiao e-mail again and the reissue (its rules, steps and words in every language): first render
// 46,791, both elements 64,640, the core 21,261. Of the first render's growth ~1.3 KB is <fapiao-request>'s words, which ride in the one
// language chunk every element shares: splitting them into the form's own chunk is the next step for issue 13.
// Then the elements' client fetches its HTTP code (ky) on the side (lazyBillingClient), beside the words, and the
// elements convert errors without ky (asApiError): first render 37,928 in 6 chunks; with the HTTP client, as a bills
// page with api-base loads it before its rows, 48,565 (the split costs ~1.8 KB of chunk overhead, fetched in parallel
// with the words); both elements with the HTTP client counted: 66,456. Then <fapiao-request>'s words became a chunk
// of their own, fetched with the form: first render 36,974, with the HTTP client 47,611, both elements 67,380 (two
// language chunks compress less well than one: +924 for a page with both elements, -954 before a bills page paints).
// The four buyer types and the natural-person words (in the core's catalogue, which the first render carries) and the
// balance's decoder: first render 37,477. Then the core's words split in two, a bills page's and a request's (fetched
// with the form): first render 35,486 (the language chunk 5,751 -> 3,618), both elements 72,263, the core 23,452 (one
// module more each). Then the elements' CSS minified in dist/ (build-library.mjs): first render 34,501; with the
// seller's terms in the account's decoder and the month formatter: 34,570. <fapiao-account>'s words and the core's
// registration words a part of their own, fetched with it: 33,895. (Fetching a bill's details and the CSV export on
// demand was tried and measured worse: the two extra entry points split the shared code into 12 chunks, 35,388.) The
// summary's eligibility in slices and its cache kept across sorts: 34,046. Each element's events a module of its own:
// 33,906. Requests by amount (what a bill has left, in eligibility and the request's decoder): 33,996, with the
// amount's reader, words and preview decoder kept in modules of their own (in a shared module they cost +390). What is
// left of a bill in its row, and its details' Fapiao timeline fetched from the form's chunk: 34,227 (from a chunk of its
// own, the extra entry point split the shared code into 9 chunks: 35,172). Raised for speed: the invoice decoder
// that answers with the host's own objects where they are exactly invoices (no copy of 100,000), and sums that never
// throw: 34,541, for a first render of 100,000 host invoices 785 -> 438 ms (`npm run bench grid`, x3.0 -> x1.9).
// Lowered: what only the HTTP client, the form and <fapiao-account> use left the modules the first render shares with
// them (esbuild puts a shared module's whole code in the shared chunk): the invoice's decoder a module of its own
// (parse-invoice.ts, -952), the statuses eligibility reads (request-statuses.ts, -284), a request's and a
// registration's words (i18n/explain-request.ts, explain-registration.ts, -179), the month and date-time formats
// (format-month.ts, -66): 33,060. Raised for speed: a long host list paints its first rows validated and validates
// the rest after (the query on unvalidated entries, the validation in slices, the settling state): 33,775, for a
// first render of 100,000 host invoices 438 -> 204 ms (x1.9 -> x0.79 of @vaadin/grid); counts written through Intl:
// 33,795; long jobs in timed slices and the summary summed in them (no long task after the first render): 33,906.
const FIRST_RENDER_BUDGET = 34_300;
// Withdraw, the default title and several recipients (the form's code and words; the core's list rule): first
// render 37,168, both elements 68,689, the core 21,885. The address book, 查验 and the month's bundle (the form's
// controllers and words; the core's address, number and period rules): first render 37,245, both elements 71,146, the
// core 22,616. Buyer types and the Fapiao balance: both elements 72,130, the core 23,311. The core's words in two
// parts: 72,263. The CSS minified and the seller's form policy: 71,031. The Fapiao timeline (China's calendar, the
// filing deadlines, the rule, its template and words): 72,502. Registration's words apart: 71,835. The request by
// amount (its form, the typed-amount reader, the preview's decoder and client call, words): 74,532; a bill's timeline
// in its details: 75,048; the decoder without copies 75,358; the first render's modules split (one chunk more) 75,483;
// a long list's first rows first 76,199; counts through Intl 76,220; timed slices 76,328.
const ELEMENTS_BUDGET = 76_900;
// The withdrawal rule and its words: the core 21,632; with the e-mail list rule 21,885; with the address, verification
// and tax-period rules 22,616; with buyer types and the balance rule 23,311; the core's words in two parts 23,452; the
// seller's form policy (its decoder and rule) 23,551; the Fapiao timeline (China's 2025 and 2026 calendars, the filing
// deadlines, working-day arithmetic, the rule) 24,398; a registry of three parts 24,472; requests by amount (partial
// claims, claimsByAmount, parseTypedAmount, explainAmountError and its words) 25,641; the decoder without copies
// 25,917; the query on entries not yet validated (queryEntries) 26,035; the summary a part at a time 26,071.
const CORE_BUDGET = 26_200;

describe('sizes built the way an adopter builds (esbuild, code splitting)', () => {
  let sizes: SplitSizes;
  before(async () => {
    sizes = await measureSplitSizes();
  });

  it(`a bills page before its first render (fapiao-kit/define) is at most ${FIRST_RENDER_BUDGET} bytes, without the form or other languages`, () => {
    const { elements: meta, firstRender: first } = sizes.pages;
    const languages = ['zh-CN', 'en', 'nl'].map(l => chunkOf(meta, new RegExp(`elements/locales/shared/${l}\\.js$`)));
    const entry = staticClosure(meta, entryOf(meta));
    assert.ok(
      languages.every(f => !entry.has(f)),
      'no language is loaded statically',
    );
    assert.equal(staticClosure(meta, languages[0]!).size, 1, "a language is one request (the core's words inside)");
    assert.ok(first.has(languages[0]!), 'the first render counts the Chinese words');
    const bytes = sizes.firstRender.bytes;
    const everything = Object.keys(meta.outputs).filter(f => f.endsWith('.js'));
    console.log(`# first render ${bytes} bytes gzip in ${first.size} chunks; everything ${sumGzip(everything)}`);
    const inFirst = inputsOf(meta, first);
    assert.ok(!inFirst.some(i => i.includes('fapiao-request/')), 'the form is loaded on its own');
    assert.ok(inFirst.some(i => i.includes('bill-list/bill-list.js')));
    assert.ok(!inFirst.some(i => /locales\/shared\/(en|nl)\.js$/.test(i)), 'one language only');
    assert.ok(!inFirst.some(i => /locales\/request\//.test(i)), "the form's words come with the form");
    assert.ok(
      !inFirst.some(i => /locales\/account\/|core\/i18n\/account\//.test(i)),
      "<fapiao-account>'s words come with it",
    );
    assert.ok(
      !inFirst.some(i => /core\/i18n\/(bills\/|request\/)?(en|nl)\.js$/.test(i)),
      "one language of the core's words",
    );
    assert.ok(!inFirst.some(i => /core\/i18n\/request\//.test(i)), "the core's words of a request come with the form");
    // The HTTP client (ky) comes beside the words when the element makes its own client, never before the first render;
    // a host with its own client or bills never loads it.
    assert.ok(
      !inFirst.some(i => /node_modules\/ky\/|client\/http-client\.js$/.test(i)),
      'the HTTP client is loaded on its own',
    );
    assert.ok(bytes <= FIRST_RENDER_BUDGET, `${bytes} bytes, over the budget of ${FIRST_RENDER_BUDGET}`);

    console.log(`# a bills page with its rows from api-base (the HTTP client too): ${sizes.withHttpClient} bytes gzip`);
    const { bytes: completeBytes, chunks } = sizes.bothElements;
    console.log(`# both elements, one language: ${completeBytes} bytes gzip in ${chunks} chunks`);
    assert.ok(completeBytes <= ELEMENTS_BUDGET, `${completeBytes} bytes, over the budget of ${ELEMENTS_BUDGET}`);
  });

  it("ships the elements' CSS minified (a bundler minifies code, never the text of a template)", () => {
    for (const file of [
      'dist/elements/internal/styles.js',
      'dist/elements/bill-list/bill-list.styles.js',
      'dist/elements/fapiao-request/fapiao-request.styles.js',
      'dist/elements/fapiao-account/fapiao-account.styles.js',
    ]) {
      const templates = [...readFileSync(file, 'utf8').matchAll(/css`([^`]*)`/g)].map(m => m[1]!);
      assert.ok(templates.length > 0, `${file} has its css template`);
      for (const css of templates) {
        assert.ok(!css.includes('/*'), `${file}: no comments`);
        assert.ok(!/[{;]\s+\S/.test(css), `${file}: no indentation between declarations`);
        assert.ok(css.trimEnd().endsWith('}'), `${file}: whole rules`);
      }
    }
  });

  it(`the core with one language (fapiao-kit in a browser) is at most ${CORE_BUDGET} bytes`, () => {
    const meta = sizes.pages.core;
    const inCore = inputsOf(meta, staticClosure(meta, entryOf(meta)));
    assert.ok(!inCore.some(i => /core\/i18n\/(zh-CN|en|nl)\.js$/.test(i)), 'no language is loaded statically');
    assert.ok(sizes.pages.coreWithLanguage.has(chunkOf(meta, /core\/i18n\/zh-CN\.js$/)), 'the figure counts Chinese');
    const { bytes, chunks } = sizes.core;
    console.log(`# the core, one language: ${bytes} bytes gzip in ${chunks} chunks`);
    assert.ok(bytes <= CORE_BUDGET, `${bytes} bytes, over the budget of ${CORE_BUDGET}`);
  });
});
