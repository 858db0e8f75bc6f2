import type { ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { chinaDateOf, csvText, fenToDecimalString, type FapiaoRequest } from '../../src/core/index.js';
import type { FapiaoFiles } from './issuing/provider.js';

/**
 * The issued Fapiao of some requests as one ZIP for the accountant: each Fapiao's PDF, OFD and XML, and a manifest
 * (清单.csv: number, type, issue date in China, amounts, bills, request, reversal). Streamed with yazl while it is
 * written: the files are made one after another, never all held at once.
 */
export async function fapiaoArchive(
  res: ServerResponse,
  requests: readonly FapiaoRequest[],
  now: Date,
  files: FapiaoFiles,
): Promise<void> {
  const zip = new ZipFile();
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-disposition': `attachment; filename="fapiao-${chinaDateOf(now)}.zip"`,
    'cache-control': 'no-store',
  });
  zip.outputStream.pipe(res);
  const manifest = [
    ['发票号码', '类型', '开票日期', '金额', '税额', '价税合计', '账单号', '申请编号', '红冲'].join(','),
  ];
  const mtime = now;
  for (const request of requests) {
    const bills = (request.invoiceNumbers ?? request.invoiceIds).join(' ');
    for (const fapiao of request.fapiaos) {
      for (const format of ['pdf', 'ofd', 'xml'] as const)
        zip.addBuffer(Buffer.from(await files(request, fapiao, format)), `${fapiao.number}.${format}`, { mtime });
      // Text cells as the bills' CSV writes them (quoted, a leading = + - @ defused: bill numbers come from data);
      // the number, the date and the amounts as they are, so a spreadsheet reads them as such.
      manifest.push(
        [
          fapiao.number,
          csvText(fapiao.kind === 'special' ? '增值税专用发票' : '普通发票'),
          chinaDateOf(fapiao.issuedAt),
          fenToDecimalString(fapiao.net),
          fenToDecimalString(fapiao.tax),
          fenToDecimalString(fapiao.gross),
          csvText(bills),
          csvText(request.id),
          csvText(
            fapiao.reversedBy ? `被 ${fapiao.reversedBy} 红冲` : fapiao.reverses ? `红字，冲销 ${fapiao.reverses}` : '',
          ),
        ].join(','),
      );
    }
  }
  // A BOM, so Excel reads the Chinese; CRLF lines (RFC 4180).
  zip.addBuffer(Buffer.from(`\ufeff${manifest.join('\r\n')}\r\n`), '清单.csv', { mtime });
  zip.end();
  await finished(res);
}
