import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import {
  fenToDecimalString,
  formatChinaDate,
  toCapitalNumerals,
  toFen,
  type FapiaoRequest,
  type IssuedFapiao,
} from '../../src/core/index.js';
import { CjkText } from './pdf-text.js';
import { SELLER } from './seed.js';

// The Fapiao as a PDF in the layout of a fully digitalised e-invoice (数电票, 电子发票): title and number, buyer and
// seller with their credit codes, the item line (*信息技术服务*云服务费, 6 %), totals, 价税合计 in capital numerals, the bills
// it covers in 备注. Chinese throughout, as the document an accountant files; dates in China time.

/** The page of a 数电 e-invoice: 241 × 140 mm. */
const WIDTH = 683;
const HEIGHT = 397;
const MARGIN = 24;
const INK = rgb(0.55, 0.27, 0.07); // the brown of the printed form
const TEXT = rgb(0.1, 0.1, 0.1);

const yuan = (fen: number) => fenToDecimalString(toFen(fen));
/** Item line of the tax classification for cloud services (信息技术服务), as issuing platforms print it. */
export const CLOUD_SERVICE_ITEM = '*信息技术服务*云服务费';
const VAT_RATE_PERCENT = 6;

/** A buyer's address and phone, or bank and account, as the Fapiao prints them: the ones given, a space between. */
export function joined(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

function box(page: PDFPage, x: number, y: number, width: number, height: number): void {
  page.drawRectangle({ x, y, width, height, borderColor: INK, borderWidth: 0.8 });
}
const line = (page: PDFPage, x1: number, y1: number, x2: number, y2: number) =>
  page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, color: INK, thickness: 0.6 });

export async function fapiaoPdf(request: FapiaoRequest, fapiao: IssuedFapiao): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = fapiao.kind === 'special' ? '电子发票（增值税专用发票）' : '电子发票（普通发票）';
  pdf.setTitle(`${title} ${fapiao.number}`);
  pdf.setLanguage('zh-CN');
  pdf.setProducer('fapiao-kit reference server');
  pdf.setCreationDate(new Date(fapiao.issuedAt));
  pdf.setModificationDate(new Date(fapiao.issuedAt));
  const page = pdf.addPage([WIDTH, HEIGHT]);
  const text = new CjkText(pdf);
  const write = (
    s: string,
    x: number,
    y: number,
    size = 9,
    align: 'left' | 'right' | 'center' = 'left',
    color = TEXT,
  ) => text.draw(page, s, { x, y, size, align, color });
  /** A long name or note in a box of `room` points: the type gets smaller (down to 5 pt) rather than overflowing. */
  const fit = async (s: string, x: number, y: number, room: number, size = 9) => {
    const width = await text.width(s, size);
    return write(s, x, y, width > room ? Math.max(5, (size * room) / width) : size);
  };

  // Title, doubled rule, number and date.
  await write(title, WIDTH / 2, HEIGHT - 44, 17, 'center', INK);
  const titleWidth = await text.width(title, 17);
  line(page, WIDTH / 2 - titleWidth / 2, HEIGHT - 50, WIDTH / 2 + titleWidth / 2, HEIGHT - 50);
  line(page, WIDTH / 2 - titleWidth / 2, HEIGHT - 53, WIDTH / 2 + titleWidth / 2, HEIGHT - 53);
  await write(`发票号码：${fapiao.number}`, WIDTH - MARGIN - 190, HEIGHT - 36, 9);
  await write(`开票日期：${formatChinaDate(fapiao.issuedAt, 'zh-CN')}`, WIDTH - MARGIN - 190, HEIGHT - 50, 9);

  const left = MARGIN;
  const right = WIDTH - MARGIN;
  const top = HEIGHT - 66;

  // Buyer and seller, each with a narrow column that names the party, as on the form.
  const partyHeight = 58;
  box(page, left, top - partyHeight, right - left, partyHeight);
  const half = (left + right) / 2;
  line(page, half, top, half, top - partyHeight);
  const party = async (x: number, label: string, name: string, taxId: string | undefined) => {
    line(page, x + 20, top, x + 20, top - partyHeight);
    let y = top - 14;
    for (const char of label) {
      await write(char, x + 10, y, 9, 'center', INK);
      y -= 11;
    }
    const room = half - left - 36;
    await fit(`名称：${name}`, x + 28, top - 22, room);
    await fit(`统一社会信用代码/纳税人识别号：${taxId ?? ''}`, x + 28, top - 42, room);
  };
  const b = request.buyer;
  await party(left, '购买方信息', b.title, b.taxId);
  await party(half, '销售方信息', SELLER.name, SELLER.taxId);

  // The item table: head, the line, 合计.
  const columns: readonly [string, number, 'left' | 'right' | 'center'][] = [
    ['项目名称', left + 6, 'left'],
    ['规格型号', left + 200, 'center'],
    ['单位', left + 262, 'center'],
    ['数量', left + 312, 'right'],
    ['单价', left + 392, 'right'],
    ['金额', left + 472, 'right'],
    ['税率/征收率', left + 540, 'center'],
    ['税额', right - 6, 'right'],
  ];
  const tableTop = top - partyHeight;
  const tableHeight = 108;
  box(page, left, tableTop - tableHeight, right - left, tableHeight);
  let y = tableTop - 14;
  for (const [head, x, align] of columns) await write(head, x, y, 9, align, INK);
  y -= 18;
  const cells = [
    CLOUD_SERVICE_ITEM,
    '',
    '项',
    '1',
    yuan(fapiao.net),
    yuan(fapiao.net),
    `${VAT_RATE_PERCENT}%`,
    yuan(fapiao.tax),
  ];
  for (const [i, cell] of cells.entries()) await write(cell, columns[i]![1], y, 9, columns[i]![2]);
  const sumY = tableTop - tableHeight + 10;
  await write('合　　计', left + 40, sumY, 9, 'left', INK);
  await write(`¥${yuan(fapiao.net)}`, columns[5]![1], sumY, 9, 'right');
  await write(`¥${yuan(fapiao.tax)}`, right - 6, sumY, 9, 'right');

  // 价税合计: in capital numerals (圆, as the form prints it) and in figures.
  const totalTop = tableTop - tableHeight;
  box(page, left, totalTop - 24, right - left, 24);
  line(page, left + 130, totalTop, left + 130, totalTop - 24);
  await write('价税合计（大写）', left + 8, totalTop - 16, 9, 'left', INK);
  await write(toCapitalNumerals(fapiao.gross, { yuan: '圆' }), left + 140, totalTop - 16, 10);
  await write(`（小写）¥${yuan(fapiao.gross)}`, right - 6, totalTop - 16, 10, 'right');

  // 备注: the bills this Fapiao covers (their printed numbers), and for 专票 the buyer's address and bank.
  const noteTop = totalTop - 24;
  const noteHeight = 62;
  box(page, left, noteTop - noteHeight, right - left, noteHeight);
  line(page, left + 20, noteTop, left + 20, noteTop - noteHeight);
  y = noteTop - 16;
  for (const char of '备注') {
    await write(char, left + 10, y, 9, 'center', INK);
    y -= 14;
  }
  const bills = (request.invoiceNumbers ?? request.invoiceIds).join('、');
  const notes = [
    // A red-letter Fapiao names what it reverses, as the 数电 ones do.
    ...(fapiao.reverses
      ? [
          `被红冲蓝字数电票号码：${fapiao.reverses}${
            request.reissue?.confirmationNumber ? `　红字发票信息确认单编号：${request.reissue.confirmationNumber}` : ''
          }`,
        ]
      : []),
    `账单号：${bills}`,
    ...(b.address || b.phone ? [`购买方地址、电话：${joined(b.address, b.phone)}`] : []),
    ...(b.bankName || b.bankAccount ? [`购买方开户银行及账号：${joined(b.bankName, b.bankAccount)}`] : []),
  ];
  y = noteTop - 14;
  for (const note of notes.slice(0, 4)) {
    await fit(note, left + 28, y, right - left - 36, 8.5);
    y -= 13;
  }

  await write('开票人：fapiao-kit 参考服务器', left, noteTop - noteHeight - 16, 9);
  return pdf.save({ useObjectStreams: false });
}
