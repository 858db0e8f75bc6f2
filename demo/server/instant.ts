/** The server's clock reading (ms since the epoch) as the ISO instant it stores and sends. */
export const iso = (at: number): string => new Date(at).toISOString();
