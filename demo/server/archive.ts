import type { ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import {
  chinaDateOf,
  csvText,
  fenToDecimalString,
  type FapiaoRequest,
  type Invoice,
  type IssuedFapiao,
} from '../../src/core/index.js';
import type { FapiaoFiles } from './issuing/provider.js';

/** What goes into one ZIP for the accountant. */
export interface FapiaoArchive {
  readonly requests: readonly FapiaoRequest[];
  /** When it is made: the files' time and the default name. */
  readonly now: Date;
  /** The ZIP's file name; `fapiao-<today>.zip` by default. */
  readonly name?: string;
  /** Only these Fapiao (those of a tax period); every one of the requests otherwise. */
  readonly includes?: (fapiao: IssuedFapiao) => boolean;
  /**
   * The requests' bills with their PDFs: each bill's PDF goes in `账单/`, and `账单对照.csv` maps bill ⇄ payment ⇄
   * Fapiao ⇄ reversal. Without them the ZIP holds the Fapiao and their manifest only.
   */
  readonly bills?: { readonly byId: ReadonlyMap<string, Invoice>; pdf(invoice: Invoice): Promise<Uint8Array> };
}

// Text cells as the bills' CSV writes them (quoted, a leading = + - @ defused: numbers and titles come from data);
// dates and amounts as they are, so a spreadsheet reads them as such. A BOM so Excel reads the Chinese; CRLF lines.
const csvFile = (rows: readonly string[]) => Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`);
const reversalOf = (f: IssuedFapiao) =>
  f.reversedBy ? `被 ${f.reversedBy} 红冲` : f.reverses ? `红字，冲销 ${f.reverses}` : '';

/**
 * The issued Fapiao of some requests as one ZIP for the accountant: each Fapiao's PDF, OFD and XML, a manifest
 * (清单.csv: number, type, issue date in China, amounts, bills, request, reversal), and with the bills, their PDFs and
 * the bill ⇄ payment ⇄ Fapiao table. Streamed with yazl while it is written: the files are made one after another,
 * never all held at once.
 */
export async function fapiaoArchive(res: ServerResponse, archive: FapiaoArchive, files: FapiaoFiles): Promise<void> {
  const { requests, now: mtime } = archive;
  const zip = new ZipFile();
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-disposition': `attachment; filename="${archive.name ?? `fapiao-${chinaDateOf(mtime)}.zip`}"`,
    'cache-control': 'no-store',
  });
  zip.outputStream.pipe(res);
  const manifest = [
    ['发票号码', '类型', '开票日期', '金额', '税额', '价税合计', '账单号', '申请编号', '红冲'].join(','),
  ];
  const bills = [
    [
      '账单号',
      '账单日期',
      '币种',
      '账单金额',
      '付款日期',
      '已付金额',
      '本次开票金额',
      '发票号码',
      '申请编号',
      '红冲',
    ].join(','),
  ];
  // A bill two requests share (each took part of it, by amount) is one PDF, and a row per request with its part.
  const billPdfs = new Set<string>();
  for (const request of requests) {
    const billNumbers = (request.invoiceNumbers ?? request.invoiceIds).join(' ');
    const fapiaos = request.fapiaos.filter(f => archive.includes?.(f) ?? true);
    for (const fapiao of fapiaos) {
      for (const format of ['pdf', 'ofd', 'xml'] as const)
        zip.addBuffer(Buffer.from(await files(request, fapiao, format)), `${fapiao.number}.${format}`, { mtime });
      manifest.push(
        [
          fapiao.number,
          csvText(fapiao.kind === 'special' ? '增值税专用发票' : '普通发票'),
          chinaDateOf(fapiao.issuedAt),
          fenToDecimalString(fapiao.net),
          fenToDecimalString(fapiao.tax),
          fenToDecimalString(fapiao.gross),
          csvText(billNumbers),
          csvText(request.id),
          csvText(reversalOf(fapiao)),
        ].join(','),
      );
    }
    if (!archive.bills || !fapiaos.length) continue;
    for (const [index, id] of request.invoiceIds.entries()) {
      const bill = archive.bills.byId.get(id);
      if (!bill) continue;
      if (!billPdfs.has(bill.id)) {
        billPdfs.add(bill.id);
        zip.addBuffer(Buffer.from(await archive.bills.pdf(bill)), `账单/${bill.number}.pdf`, { mtime });
      }
      const paid = bill.payments.reduce((sum, p) => sum + (p.type === 'refund' ? -p.amount : p.amount), 0);
      bills.push(
        [
          csvText(bill.number),
          chinaDateOf(bill.invoiceDate),
          csvText(bill.currency),
          fenToDecimalString(bill.amounts.gross),
          csvText(bill.payments.map(p => `${chinaDateOf(p.date)}${p.type === 'refund' ? ' 退款' : ''}`).join(' ')),
          fenToDecimalString(paid as typeof bill.amounts.gross),
          fenToDecimalString(request.amounts?.[index] ?? bill.amounts.gross),
          csvText(fapiaos.map(f => f.number).join(' ')),
          csvText(request.id),
          csvText(fapiaos.map(reversalOf).filter(Boolean).join('；')),
        ].join(','),
      );
    }
  }
  zip.addBuffer(csvFile(manifest), '清单.csv', { mtime });
  if (archive.bills) zip.addBuffer(csvFile(bills), '账单对照.csv', { mtime });
  zip.end();
  await finished(res);
}
