import { decodeDraft } from '../../../core/draft/decode-draft.js';
import type { FapiaoDraft } from '../../../core/draft/fapiao-draft.js';
import { newIdempotencyKey } from '../../../client/idempotency-key.js';

/** What survives a failed submit and a reload: the form as typed, and the key of the attempt that may have landed. */
export interface StoredDraft {
  readonly draft: FapiaoDraft;
  readonly saveProfile: boolean;
  /** Key and the body it was used for: the same body re-sent reuses it (the server replays), a changed body gets a new one. */
  readonly attempt?: { readonly key: string; readonly fingerprint: string };
}

/** The body as the server hashes it, in a stable key order. */
export function fingerprint(invoiceIds: readonly string[], draft: FapiaoDraft, saveProfile: boolean): string {
  const sortedDraft = Object.fromEntries(Object.entries(draft).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify([[...invoiceIds].sort(), sortedDraft, saveProfile]);
}

/** The key for sending this body: the stored one when the body is unchanged since that attempt, else a new one. */
export function keyFor(stored: StoredDraft, print: string): { key: string; stored: StoredDraft } {
  if (stored.attempt?.fingerprint === print) return { key: stored.attempt.key, stored };
  const key = newIdempotencyKey();
  return { key, stored: { ...stored, attempt: { key, fingerprint: print } } };
}

/**
 * sessionStorage: per tab, gone when the tab closes; survives a reload. What it holds is read back through the core's
 * `decodeDraft`, so a stale or tampered entry never puts odd values in the form. Storage errors (private mode, quota)
 * never break the form.
 */
export class DraftStore {
  constructor(
    private readonly storageKey: string,
    private readonly storage: Storage | undefined = safeSessionStorage(),
  ) {}

  load(): StoredDraft | undefined {
    try {
      const raw = this.storage?.getItem(this.storageKey);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as {
        draft?: unknown;
        saveProfile?: unknown;
        attempt?: { key?: unknown; fingerprint?: unknown };
      } | null;
      const decoded = decodeDraft(parsed?.draft);
      if (!decoded.ok) return undefined;
      const a = parsed?.attempt;
      const attempt =
        a && typeof a.key === 'string' && typeof a.fingerprint === 'string'
          ? { key: a.key, fingerprint: a.fingerprint }
          : undefined;
      return { draft: decoded.value, saveProfile: parsed?.saveProfile === true, ...(attempt ? { attempt } : {}) };
    } catch {
      return undefined;
    }
  }

  save(value: StoredDraft): void {
    try {
      this.storage?.setItem(this.storageKey, JSON.stringify(value));
    } catch {
      /* full or unavailable: the form still works, it just won't survive a reload */
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.storageKey);
    } catch {
      /* see save */
    }
  }
}

function safeSessionStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
