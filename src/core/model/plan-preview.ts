import { array, fen, integer, nonEmptyString, object, oneOf, optional, string, type Decoder } from './decode.js';
import { REASON_CODES } from '../rules/eligibility.js';
import type { PlanPreview } from '../rules/plan-fapiao.js';

// A module of its own: only the client's lazily loaded code reads previews, so a bills page never carries it.

const planTotals = { gross: fen, net: fen, tax: fen };
/** A reason's values: short texts and numbers only (they go into the core's words, never into markup). */
const reasonParams: Decoder<Record<string, string | number>> = (input, path, issues) => {
  const values = typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.values(input) : null;
  if (
    values &&
    values.length <= 20 &&
    values.every(v => (typeof v === 'string' && v.length <= 200) || Number.isFinite(v))
  )
    return input as Record<string, string | number>;
  issues.push({ path, code: 'type.params', message: `${path}: expected up to 20 short texts or numbers` });
  return undefined;
};
/** A preview of a request by amount, as `GET /fapiao-plan` answers: the Fapiao it would issue, line by line, in fen. */
export const planPreviewDecoder = object({
  fapiaos: array(
    object({
      sellerId: string({ max: 200 }),
      currency: string({ min: 3, max: 3 }),
      fapiaoKind: oneOf(['special', 'ordinary'] as const),
      lines: array(
        object({
          invoiceId: nonEmptyString,
          invoiceNumber: string({ max: 200 }),
          itemName: string({ max: 200 }),
          rateBp: integer({ min: 0, max: 10_000 }),
          ...planTotals,
        }),
        { max: 10_000 },
      ),
      ...planTotals,
    }),
    { max: 1000 },
  ),
  excluded: array(
    object({
      invoiceId: nonEmptyString,
      reasons: array(object({ code: oneOf(REASON_CODES), params: optional(reasonParams) }), { max: 20 }),
    }),
    { max: 10_000 },
  ),
  totals: array(object({ currency: string({ min: 3, max: 3 }), ...planTotals }), { max: 100 }),
}) as unknown as Decoder<PlanPreview>;
