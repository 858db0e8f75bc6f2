import { BUYER_KINDS, COURIERS, DELIVERY_KINDS } from '../model/fapiao.js';
import { fail, ok, type Result } from '../result.js';
import { emptyDraft, type FapiaoDraft } from './fapiao-draft.js';

const CHOICES: Partial<Record<keyof FapiaoDraft, readonly string[]>> = {
  buyerKind: BUYER_KINDS,
  fapiaoKind: ['special', 'ordinary'],
  delivery: DELIVERY_KINDS,
  courier: COURIERS,
};
/** Far above every Fapiao limit (200 GBK bytes at most): longer text is not a draft, and is not worth checking. */
const MAX_FIELD_CHARS = 1000;

/**
 * Reads a draft from untrusted JSON (a request body, session storage): known fields only, each of its type, choices
 * from their lists; a missing field takes its empty value. Field rules (`checkDraft`) are a separate step, so a
 * half-typed draft decodes and can be shown again as typed.
 */
export function decodeDraft(input: unknown): Result<FapiaoDraft> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('$', 'type.object', '$: the draft must be an object');
  }
  const raw = input as Record<string, unknown>;
  const draft = emptyDraft() as unknown as Record<string, unknown>;
  for (const [key, empty] of Object.entries(draft)) {
    const value = raw[key];
    if (value === undefined) continue;
    const path = `$.${key}`;
    if (typeof value !== typeof empty) return fail(path, `type.${typeof empty}`, `${path} must be a ${typeof empty}`);
    if (typeof value === 'string' && value.length > MAX_FIELD_CHARS) {
      return fail(path, 'string.too-long', `${path} must have at most ${MAX_FIELD_CHARS} characters`);
    }
    const choices = CHOICES[key as keyof FapiaoDraft];
    if (choices && !choices.includes(value as string)) {
      return fail(path, 'enum', `${path} must be one of ${choices.join(', ')}`);
    }
    draft[key] = value;
  }
  return ok(draft as unknown as FapiaoDraft);
}
