/** Which rows to render for a scroll position: only those in view plus `overscan` above and below. */
export interface RowWindow {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** Height standing in for the rows above and below the window, in px. */
  readonly padTop: number;
  readonly padBottom: number;
}

export interface RowWindowInput {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly overscan: number;
}

/** Pure, so it is tested without a browser; `VirtualRowsController` feeds it the measurements. */
export function rowWindow(input: RowWindowInput): RowWindow {
  const { count, rowHeight, scrollTop, viewportHeight, overscan } = input;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, count - 1));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
