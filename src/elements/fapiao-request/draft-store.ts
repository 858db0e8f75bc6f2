import { emptyDraft, type FapiaoDraft } from '../../core/index.js';
import { newIdempotencyKey } from '../../core/api/index.js';

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

/** sessionStorage: per tab, gone when the tab closes; survives a reload. Storage errors (private mode, quota) never break the form. */
export class DraftStore {
  constructor(private readonly storageKey: string, private readonly storage: Storage | undefined = safeSessionStorage()) {}

  load(): StoredDraft | undefined {
    try {
      const raw = this.storage?.getItem(this.storageKey);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Partial<StoredDraft>;
      if (!parsed || typeof parsed !== 'object' || !parsed.draft || typeof parsed.draft !== 'object') return undefined;
      // Only known fields of the right type: a stale or tampered entry must not put odd values in the form.
      const typed = parsed.draft as unknown as Record<string, unknown>;
      const draft = Object.fromEntries(
        Object.entries(emptyDraft()).map(([k, v]) => [k, typeof typed[k] === typeof v ? typed[k] : v]),
      ) as unknown as FapiaoDraft;
      const attempt = parsed.attempt && typeof parsed.attempt.key === 'string' && typeof parsed.attempt.fingerprint === 'string' ? parsed.attempt : undefined;
      return { draft, saveProfile: parsed.saveProfile === true, ...(attempt ? { attempt } : {}) };
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
