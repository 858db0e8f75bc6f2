import {
  fenToDecimalString,
  formatChinaDate,
  toCapitalNumerals,
  toFen,
  type FapiaoRequest,
  type IssuedFapiao,
} from '../../src/core/index.js';
import { CLOUD_SERVICE_ITEM } from './fapiao-pdf.js';
import { escapeMarkup } from './http.js';
import { SELLER } from './seed.js';

// The Fapiao as OFD (GB/T 33190-2016, the format China's tax system issues e-invoices in): OFD.xml names the document,
// Document.xml its page and resources, Content.xml one page of text and rules in millimetres (241 × 140, the 数电
// e-invoice), PublicRes.xml the font (a reader substitutes its own 宋体), and Attachments.xml the original XML.

const NS = 'http://www.ofdspec.org/2016';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const WIDTH = 241;
const HEIGHT = 140;
const INK = '140 70 18';
const yuan = (fen: number) => fenToDecimalString(toFen(fen));

interface Text {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
  readonly ink?: boolean;
}

/** Builds the page's objects with increasing IDs (OFD wants every object of a document to have its own). */
class Page {
  #id = 10;
  readonly objects: string[] = [];

  text({ x, y, size, text, ink }: Text): void {
    const width = Math.min(WIDTH - x, Math.max(size, text.length * size));
    this.objects.push(
      `<ofd:TextObject ID="${this.#id++}" Boundary="${x} ${y - size} ${width.toFixed(2)} ${(size * 1.4).toFixed(2)}" Font="2" Size="${size}"${ink ? ` Stroke="false" Fill="true"><ofd:FillColor Value="${INK}"/>` : '>'}<ofd:TextCode X="0" Y="${size}">${escapeMarkup(text)}</ofd:TextCode></ofd:TextObject>`,
    );
  }

  rule(x1: number, y1: number, x2: number, y2: number): void {
    const [x, y] = [Math.min(x1, x2), Math.min(y1, y2)];
    this.objects.push(
      `<ofd:PathObject ID="${this.#id++}" Boundary="${x} ${y} ${Math.abs(x2 - x1) || 0.3} ${Math.abs(y2 - y1) || 0.3}" LineWidth="0.25"><ofd:StrokeColor Value="${INK}"/><ofd:AbbreviatedData>M ${x1 - x} ${y1 - y} L ${x2 - x} ${y2 - y}</ofd:AbbreviatedData></ofd:PathObject>`,
    );
  }

  get maxId(): number {
    return this.#id - 1;
  }
}

/** The OFD package's files (name → text), zipped by the caller. */
export function fapiaoOfdParts(request: FapiaoRequest, fapiao: IssuedFapiao, originalXml: string): Map<string, string> {
  const b = request.buyer;
  const title = fapiao.kind === 'special' ? '电子发票（增值税专用发票）' : '电子发票（普通发票）';
  const page = new Page();
  page.text({ x: 80, y: 14, size: 6, text: title, ink: true });
  page.rule(80, 16, 161, 16);
  page.text({ x: 170, y: 10, size: 3, text: `发票号码：${fapiao.number}` });
  page.text({ x: 170, y: 15, size: 3, text: `开票日期：${formatChinaDate(fapiao.issuedAt, 'zh-CN')}` });
  // Frame: parties, items, totals, notes.
  for (const y of [20, 42, 84, 93, 118]) page.rule(8, y, 233, y);
  page.rule(8, 20, 8, 118);
  page.rule(233, 20, 233, 118);
  page.rule(120.5, 20, 120.5, 42);
  page.text({ x: 10, y: 27, size: 3, text: '购买方信息', ink: true });
  page.text({ x: 10, y: 33, size: 3, text: `名称：${b.title}` });
  page.text({ x: 10, y: 39, size: 3, text: `统一社会信用代码/纳税人识别号：${b.taxId ?? ''}` });
  page.text({ x: 123, y: 27, size: 3, text: '销售方信息', ink: true });
  page.text({ x: 123, y: 33, size: 3, text: `名称：${SELLER.name}` });
  page.text({ x: 123, y: 39, size: 3, text: `统一社会信用代码/纳税人识别号：${SELLER.taxId}` });
  const columns: [string, number][] = [
    ['项目名称', 10],
    ['单位', 95],
    ['数量', 110],
    ['单价', 125],
    ['金额', 155],
    ['税率/征收率', 180],
    ['税额', 210],
  ];
  for (const [head, x] of columns) page.text({ x, y: 48, size: 3, text: head, ink: true });
  const cells = [CLOUD_SERVICE_ITEM, '项', '1', yuan(fapiao.net), yuan(fapiao.net), '6%', yuan(fapiao.tax)];
  cells.forEach((cell, i) => page.text({ x: columns[i]![1], y: 55, size: 3, text: cell }));
  page.text({ x: 10, y: 81, size: 3, text: '合计', ink: true });
  page.text({ x: 155, y: 81, size: 3, text: `¥${yuan(fapiao.net)}` });
  page.text({ x: 210, y: 81, size: 3, text: `¥${yuan(fapiao.tax)}` });
  page.text({ x: 10, y: 90, size: 3, text: '价税合计（大写）', ink: true });
  page.text({ x: 55, y: 90, size: 3.5, text: toCapitalNumerals(fapiao.gross, { yuan: '圆' }) });
  page.text({ x: 180, y: 90, size: 3.5, text: `（小写）¥${yuan(fapiao.gross)}` });
  page.text({ x: 10, y: 99, size: 3, text: '备注', ink: true });
  page.text({ x: 22, y: 99, size: 3, text: `账单号：${(request.invoiceNumbers ?? request.invoiceIds).join('、')}` });
  page.text({ x: 8, y: 126, size: 3, text: '开票人：fapiao-kit 参考服务器' });

  const attachmentId = page.maxId + 1;
  const maxId = attachmentId;
  return new Map([
    [
      'OFD.xml',
      `${HEAD}<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${fapiao.number}</ofd:DocID><ofd:Title>${escapeMarkup(`${title} ${fapiao.number}`)}</ofd:Title><ofd:Creator>fapiao-kit</ofd:Creator><ofd:CreationDate>${fapiao.issuedAt.slice(0, 10)}</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ],
    [
      'Doc_0/Document.xml',
      `${HEAD}<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${maxId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${WIDTH} ${HEIGHT}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages><ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments></ofd:Document>`,
    ],
    [
      'Doc_0/PublicRes.xml',
      `${HEAD}<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
    ],
    [
      'Doc_0/Pages/Page_0/Content.xml',
      `${HEAD}<ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="3">${page.objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    ],
    [
      'Doc_0/Attachs/Attachments.xml',
      `${HEAD}<ofd:Attachments xmlns:ofd="${NS}"><ofd:Attachment ID="${attachmentId}" Name="original_invoice" Format="xml" CreationDate="${fapiao.issuedAt.slice(0, 10)}" Size="${(Buffer.byteLength(originalXml) / 1024).toFixed(3)}" Visible="false"><ofd:FileLoc>original_invoice.xml</ofd:FileLoc></ofd:Attachment></ofd:Attachments>`,
    ],
    ['Doc_0/Attachs/original_invoice.xml', originalXml],
  ]);
}
