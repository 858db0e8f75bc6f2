import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';
import { fapiaoOfd, fapiaoPdf, fapiaoXml, invoicePdf } from '../../../demo/server/documents.js';
import { makeInvoice } from '../../helpers/invoices.js';
import { SELLER } from '../../../demo/server/seed.js';
import { toFen, type FapiaoRequest, type IssuedFapiao } from '../../../src/core/index.js';

// The Fapiao files as an accountant opens them: the PDF's text read back by PDF.js (through unpdf), not by our code.
const fapiao: IssuedFapiao = {
  number: '26312000000123456789',
  kind: 'special',
  issuedAt: '2026-11-25T16:30:00Z', // 00:30 on 26 November in Shanghai
  currency: 'CNY',
  net: toFen(10_000),
  tax: toFen(600),
  gross: toFen(10_600),
  files: [],
};
const request: FapiaoRequest = {
  id: 'REQ-1',
  invoiceIds: ['inv-1', 'inv-2'],
  invoiceNumbers: ['G012345', 'G012346'],
  fapiaoKind: 'special',
  buyer: {
    buyerKind: 'enterprise',
    title: '康托索（上海）信息技术有限公司',
    taxId: '91310115MA1K4PQX2A',
    address: '上海市浦东新区科苑路88号',
    phone: '021-12345678',
    bankName: '招商银行上海分行',
    bankAccount: '6225880212345678',
  },
  delivery: 'electronic',
  email: 'finance@contoso.cn',
  status: 'issued',
  history: [],
  fapiaos: [fapiao],
  createdAt: '2026-11-24T02:00:00Z',
};

describe('the Fapiao PDF (数电 e-invoice layout, Noto Sans SC embedded as a subset)', () => {
  it('reads back as an accountant expects: parties, item, totals in figures and capital numerals, China date, bills', async () => {
    const bytes = await fapiaoPdf(request, fapiao);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '电子发票（增值税专用发票）',
      '发票号码：26312000000123456789',
      '开票日期：2026年11月26日', // the China date, not the UTC one (25 November)
      '购买方信息',
      '康托索（上海）信息技术有限公司',
      request.buyer.taxId!,
      '销售方信息',
      SELLER.name,
      SELLER.taxId,
      '*信息技术服务*云服务费',
      '6%',
      '¥100.00',
      '¥6.00',
      '价税合计（大写）',
      '壹佰零陆圆整',
      '（小写）¥106.00',
      '账单号：G012345、G012346',
      '购买方开户银行及账号：招商银行上海分行6225880212345678',
    ])
      assert.ok(flat.includes(expected.replace(/\s+/g, '')), `${expected} in ${flat.slice(0, 400)}`);
    assert.equal(pdf.numPages, 1);
  });

  it('embeds a subset of the font, not the whole of it, and no Latin-only standard font', async () => {
    const bytes = await fapiaoPdf(request, fapiao);
    assert.ok(bytes.length < 120_000, `${bytes.length} bytes (the font file alone is 1.5 MB)`);
    const raw = Buffer.from(bytes).toString('latin1');
    assert.match(raw, /\/BaseFont \/NotoSansSC\S*-\d+/, 'the subset pdf-lib names with a number');
    assert.doesNotMatch(raw, /\/BaseFont \/Helvetica/);
  });

  it('draws a character outside the everyday set from the slice of the font that has it', async () => {
    const rare = { ...request, buyer: { ...request.buyer, title: '𠀋龘靐（上海）有限公司' } };
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await fapiaoPdf(rare, fapiao))), {
      mergePages: true,
    });
    assert.ok(text.replace(/\s+/g, '').includes('龘靐（上海）有限公司'), text.slice(0, 300));
  });
});

describe('the Fapiao PDF with the longest title the rules allow (100 GBK bytes)', () => {
  it('sets it smaller rather than across the seller block', async () => {
    const title = '上海'.repeat(25); // 50 characters, 100 bytes
    const pdf = await getDocumentProxy(
      new Uint8Array(await fapiaoPdf({ ...request, buyer: { ...request.buyer, title } }, fapiao)),
    );
    const items = (await (await pdf.getPage(1)).getTextContent()).items as {
      str: string;
      width: number;
      transform: number[];
    }[];
    const name = items.find(i => i.str.startsWith('名称：上海'))!;
    const seller = items.find(i => i.str.includes(SELLER.name))!;
    assert.ok(name.transform[4]! + name.width < seller.transform[4]! - 20, `${name.width} wide`);
  });
});

describe('the Fapiao XML', () => {
  it('carries the same data: China date, seller credit code, total in words, bill numbers; text escaped', () => {
    const xml = fapiaoXml({ ...request, buyer: { ...request.buyer, title: 'A&B <Co>' } }, fapiao);
    assert.match(xml, /<IssueDate>2026-11-26<\/IssueDate>/);
    assert.match(xml, new RegExp(`<TaxId>${SELLER.taxId}</TaxId>`));
    assert.match(xml, /<AmountWithTaxInWords>壹佰零陆圆整<\/AmountWithTaxInWords>/);
    assert.match(xml, /<Invoice><Id>inv-1<\/Id><Number>G012345<\/Number><\/Invoice>/);
    assert.match(xml, /<Name>A&#38;B &#60;Co&#62;<\/Name>/);
  });
});

describe("the bill's PDF", () => {
  const bill = makeInvoice({ number: 'G0012026110', gross: 10_600, tax: 600, paidAt: '2026-11-01T10:00:00+08:00' });
  const textOf = async (bytes: Uint8Array) =>
    (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, '');
  it('speaks Chinese for zh-CN, with the buyer, and the order number a customer registers a Fapiao account with', async () => {
    const text = await textOf(await invoicePdf(bill, '康托索（上海）信息技术有限公司', 'zh-CN'));
    for (const expected of [
      '账单G0012026110',
      '订单号：G0012026110',
      `销售方：${SELLER.name}`,
      '购买方：康托索（上海）信息技术有限公司',
      '价税合计：¥106.00',
      '本账单不是发票',
    ])
      assert.ok(text.includes(expected), `${expected} in ${text.slice(0, 300)}`);
    assert.match(text, /账单日期：\d{4}年\d{1,2}月\d{1,2}日/);
  });
  it('speaks English and Dutch for the others', async () => {
    assert.ok((await textOf(await invoicePdf(bill, 'Contoso', 'en'))).includes('Ordernumber:G0012026110'));
    assert.ok((await textOf(await invoicePdf(bill, 'Contoso', 'nl'))).includes('Ordernummer:G0012026110'));
  });
});

/** Well-formed enough for a reader: every tag closed in order, every & an entity. */
function assertWellFormed(xml: string, name: string): void {
  const stack: string[] = [];
  for (const [, close, tag, selfClosing] of xml
    .replace(/^<\?xml[^>]*\?>/, '')
    .matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (close) assert.equal(stack.pop(), tag, `${name}: </${tag}>`);
    else if (!selfClosing) stack.push(tag!);
  }
  assert.deepEqual(stack, [], `${name}: unclosed`);
  assert.doesNotMatch(xml, /&(?!#\d+;|amp;|lt;|gt;|quot;|apos;)/, `${name}: a bare &`);
}

describe('the Fapiao OFD package (GB/T 33190)', () => {
  it('has a page with the Fapiao on it, every part it names, unique ids, and the original XML attached', async () => {
    const odd = { ...request, buyer: { ...request.buyer, title: 'A&B <康托索>' } };
    const zip = await fromBufferPromise(fapiaoOfd(odd, fapiao), { lazyEntries: true });
    const files = new Map<string, string>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', entry =>
        zip
          .openReadStreamPromise(entry)
          .then(stream => buffer(stream))
          .then(data => {
            files.set(entry.fileName, data.toString('utf8'));
            zip.readEntry();
          }, reject),
      );
      zip.on('end', resolve);
      zip.readEntry();
    });
    for (const [name, text] of files) if (name.endsWith('.xml')) assertWellFormed(text, name);
    const root = files.get('OFD.xml')!;
    const docRoot = /<ofd:DocRoot>([^<]+)</.exec(root)![1]!;
    const document = files.get(docRoot)!;
    const dir = docRoot.replace(/[^/]+$/, '');
    for (const [, loc] of document.matchAll(/(?:BaseLoc="|<ofd:PublicRes>|<ofd:Attachments>)([^"<]+)/g))
      assert.ok(files.has(dir + loc), `${dir + loc} is in the package`);
    const content = files.get(`${dir}Pages/Page_0/Content.xml`)!;
    for (const text of [
      '电子发票（增值税专用发票）',
      '26312000000123456789',
      '2026年11月26日',
      'A&#38;B &#60;康托索&#62;',
      '壹佰零陆圆整',
      '¥106.00',
      '*信息技术服务*云服务费',
    ])
      assert.ok(content.includes(text), text);
    const ids = [...Object.values(Object.fromEntries(files))].join('').matchAll(/ ID="(\d+)"/g);
    const all = [...ids].map(m => Number(m[1]));
    assert.equal(new Set(all).size, all.length, 'ids are unique');
    assert.equal(Math.max(...all), Number(/<ofd:MaxUnitID>(\d+)</.exec(document)![1]));
    assert.match(files.get(`${dir}Attachs/Attachments.xml`)!, /<ofd:FileLoc>original_invoice\.xml<\/ofd:FileLoc>/);
    assert.match(
      files.get(`${dir}Attachs/original_invoice.xml`)!,
      /<InvoiceNumber>26312000000123456789<\/InvoiceNumber>/,
    );
  });
});
