import type { CurrencyCode, Fen } from '../money/fen.js';
import type { IssuedFapiao } from '../model/fapiao.js';
import { chinaDateOf } from '../time/china-time.js';

/**
 * The national verification platform (全国增值税发票查验平台), where anyone checks a Fapiao against the tax bureau's
 * record. A page with a captcha: fapiao-kit opens it and shows the fields to copy, it does not fill it in.
 */
export const VERIFICATION_PLATFORM_URL = 'https://inv-veri.chinatax.gov.cn/';

/**
 * What a 20-digit 数电 number says of itself: digits 1–2 the year, 3–4 the provincial tax bureau, 5 the issuing
 * channel, 6–20 the sequence (fiscal-requirements.com/news/3531, in docs/domain.md). The bureau and channel codes are
 * shown as codes: no source maps them to names.
 */
export interface FapiaoNumberParts {
  readonly year: number;
  readonly bureau: string;
  readonly channel: string;
  readonly sequence: string;
}

/** The parts of a 20-digit 数电 number, or `undefined` for anything else (a legacy code + number, a typo). */
export function decodeFapiaoNumber(number: string): FapiaoNumberParts | undefined {
  const match = /^(\d{2})(\d{2})(\d)(\d{15})$/.exec(number);
  if (!match) return undefined;
  const [, year, bureau, channel, sequence] = match as unknown as [string, string, string, string, string];
  return { year: 2000 + Number(year), bureau, channel, sequence };
}

/** The fields a verification asks for, as the Fapiao carries them: number, issue date in China, amounts. */
export interface VerificationFields {
  readonly number: string;
  /** The issue date in China (YYYY-MM-DD), whatever the browser's zone. */
  readonly issueDate: string;
  readonly currency: CurrencyCode;
  /** Amount before tax (金额) and the total with tax (价税合计), in fen. */
  readonly net: Fen;
  readonly gross: Fen;
}

export function verificationFields(fapiao: IssuedFapiao): VerificationFields {
  return {
    number: fapiao.number,
    issueDate: chinaDateOf(fapiao.issuedAt),
    currency: fapiao.currency,
    net: fapiao.net,
    gross: fapiao.gross,
  };
}
