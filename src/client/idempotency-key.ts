/** A fresh key for one Fapiao draft: random, 128 bits, from the platform's CSPRNG (browser and Node alike). */
export function newIdempotencyKey(): string {
  const crypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;
  return crypto.randomUUID();
}
