import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { deflateRawSync, crc32 } from 'node:zlib';
import {
  BUYER_KIND_CODES,
  chinaDateOf,
  fenToDecimalString,
  toCapitalNumerals,
  type FapiaoRequest,
  type IssuedFapiao,
  type Statement,
} from '../../src/core/index.js';
import { escapeMarkup } from './http.js';
import { SELLER } from './seed.js';
import { CLOUD_SERVICE_ITEM, joined } from './fapiao-pdf.js';
import { fapiaoOfdParts } from './fapiao-ofd.js';

export { fapiaoPdf } from './fapiao-pdf.js';
export { invoicePdf } from './invoice-pdf.js';

// Real files for the demo: PDFs through pdf-lib, the 数电 XML, and an OFD package (a zip of XML parts).
// The statement PDF keeps the standard Latin fonts (English labels); the bill and the Fapiao have PDFs of their own
// with Chinese text (invoice-pdf.ts, fapiao-pdf.ts).

const money = (fen: number) => fenToDecimalString(fen as never);

async function simplePdf(
  title: string,
  rows: readonly (readonly [string, string])[],
  table?: { head: string[]; rows: string[][] },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer('fapiao-kit reference server');
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');
  let y = 790;
  page.drawText(ascii(title), { x: 50, y, size: 18, font: bold, color: rgb(0.04, 0.36, 0.68) });
  y -= 30;
  for (const [label, value] of rows) {
    page.drawText(ascii(label), { x: 50, y, size: 10, font: bold });
    page.drawText(ascii(value), { x: 200, y, size: 10, font });
    y -= 16;
  }
  if (table) {
    y -= 12;
    const widths = [250, 60, 80, 100];
    const drawRow = (cells: string[], f = font) => {
      let x = 50;
      cells.forEach((cell, i) => {
        page.drawText(ascii(cell), { x, y, size: 9, font: f });
        x += widths[i] ?? 80;
      });
      y -= 14;
    };
    drawRow(table.head, bold);
    for (const r of table.rows) drawRow(r);
  }
  page.drawText('The online version of your invoice looks different from the PDF version.', {
    x: 50,
    y: 40,
    size: 8,
    font,
    color: rgb(0.4, 0.4, 0.4),
  });
  return pdf.save({ useObjectStreams: false });
}

export function statementPdf(statement: Statement): Promise<Uint8Array> {
  return simplePdf(`Billing statement ${statement.period.start.slice(0, 7)}`, [
    ['Billing account', statement.billingAccount.id],
    ['Period', `${statement.period.start} - ${statement.period.end}`],
    ['Opening balance', `CNY ${money(statement.openingBalance)}`],
    ['Charges', `CNY ${money(statement.charges)}`],
    ['Payments', `CNY ${money(statement.payments)}`],
    ['Closing balance', `CNY ${money(statement.closingBalance)}`],
    ['Invoices', statement.invoiceIds.join(', ')],
  ]);
}

/** The invoice data as XML, in the spirit of the 数电 original-invoice file (element names are ours). */
export function fapiaoXml(request: FapiaoRequest, fapiao: IssuedFapiao): string {
  const b = request.buyer;
  return `<?xml version="1.0" encoding="UTF-8"?>
<EInvoice xmlns="urn:fapiao-kit:demo">
  <Header><InvoiceNumber>${fapiao.number}</InvoiceNumber><Kind>${fapiao.kind === 'special' ? '81' : '82'}</Kind><IssueTime>${fapiao.issuedAt}</IssueTime><IssueDate>${chinaDateOf(fapiao.issuedAt)}</IssueDate>${fapiao.reverses ? `<RedLetter><Reverses>${fapiao.reverses}</Reverses>${request.reissue?.confirmationNumber ? `<ConfirmationNumber>${request.reissue.confirmationNumber}</ConfirmationNumber>` : ''}</RedLetter>` : ''}</Header>
  <Seller><Name>${escapeMarkup(SELLER.name)}</Name><TaxId>${SELLER.taxId}</TaxId></Seller>
  <Buyer><Type>${BUYER_KIND_CODES[b.buyerKind]}</Type>${b.naturalPerson ? '<NaturalPerson>Y</NaturalPerson>' : ''}<Name>${escapeMarkup(b.title)}</Name>${b.taxId ? `<TaxId>${escapeMarkup(b.taxId)}</TaxId>` : ''}${b.address || b.phone ? `<Address>${escapeMarkup(joined(b.address, b.phone))}</Address>` : ''}${b.bankName || b.bankAccount ? `<Bank>${escapeMarkup(joined(b.bankName, b.bankAccount))}</Bank>` : ''}</Buyer>
  <Item><Name>${CLOUD_SERVICE_ITEM}</Name><TaxRate>0.06</TaxRate><Amount>${money(fapiao.net)}</Amount><Tax>${money(fapiao.tax)}</Tax></Item>
  <Total><Amount>${money(fapiao.net)}</Amount><Tax>${money(fapiao.tax)}</Tax><AmountWithTax>${money(fapiao.gross)}</AmountWithTax><AmountWithTaxInWords>${toCapitalNumerals(fapiao.gross, { yuan: '圆' })}</AmountWithTaxInWords></Total>
  <Invoices>${request.invoiceIds.map((id, i) => `<Invoice><Id>${escapeMarkup(id)}</Id>${request.invoiceNumbers?.[i] ? `<Number>${escapeMarkup(request.invoiceNumbers[i])}</Number>` : ''}</Invoice>`).join('')}</Invoices>
</EInvoice>
`;
}

/** A minimal zip writer (deflate) for the OFD container. */
function zip(files: readonly { name: string; data: Buffer }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const compressed = deflateRawSync(file.data);
    const crc = crc32(file.data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(file.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(file.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + compressed.length;
  }
  const centralSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

/** An OFD package (GB/T 33190 layout: OFD.xml entry + document + attached original invoice XML). */
/** The Fapiao as an OFD package (GB/T 33190): a page a reader shows, and the original XML attached. */
export function fapiaoOfd(request: FapiaoRequest, fapiao: IssuedFapiao): Buffer {
  const parts = fapiaoOfdParts(request, fapiao, fapiaoXml(request, fapiao));
  return zip([...parts].map(([name, text]) => ({ name, data: Buffer.from(text) })));
}
