/** A problem found in untrusted input, named by where it is (`$.amounts.gross`) and a stable code. */
export interface Issue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** Success or a list of issues: parsers and validators never throw on bad data. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(path: string, code: string, message: string): Result<T> => ({
  ok: false,
  issues: [{ path, code, message }],
});

/** A programmer's mistake (a float where fen belong, an impossible option), never bad user data. */
export class FapiaoKitError extends Error {
  override name = 'FapiaoKitError';
}

/**
 * Throws a `FapiaoKitError` prefixed `[fapiao-kit]` when `condition` is false. For the caller's bugs only: data from
 * users and servers goes through decoders and comes back as a `Result`.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new FapiaoKitError(`[fapiao-kit] ${message}`);
}
