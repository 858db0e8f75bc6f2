/** A problem found in untrusted input, named by where it is (`$.amounts.gross`) and a stable code. */
export interface Issue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** Success or a list of issues: parsers and validators never throw on bad data. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(path: string, code: string, message: string): Result<T> => ({
  ok: false,
  issues: [{ path, code, message }],
});
