/**
 * Which lines of a long list of equal-height lines to render, given how far
 * its scroll container has scrolled. Pure arithmetic, unit-tested.
 */
export interface RangeInput {
  /** Pixels scrolled past the first line (negative while lines above it, e.g. a header, are in view). */
  scrollOffset: number;
  /** Height of the visible area, in pixels. */
  viewportHeight: number;
  lineHeight: number;
  count: number;
  /** Extra lines rendered above and below, so fast scrolling and keyboard moves find them ready. */
  overscan: number;
}

/** `end` is exclusive. Always within `[0, count]`. */
export interface LineRange {
  start: number;
  end: number;
}

export function visibleRange({ scrollOffset, viewportHeight, lineHeight, count, overscan }: RangeInput): LineRange {
  if (count <= 0 || lineHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollOffset) / lineHeight);
  const last = Math.ceil(Math.max(0, scrollOffset + Math.max(0, viewportHeight)) / lineHeight);
  const start = clamp(first - overscan, 0, count);
  const end = clamp(Math.max(last, first + 1) + overscan, start, count);
  return { start, end };
}

/** The scroll offset that brings line `index` fully into view, or undefined when it already is. */
export function scrollOffsetToReveal(
  index: number,
  { scrollOffset, viewportHeight, lineHeight }: Pick<RangeInput, 'scrollOffset' | 'viewportHeight' | 'lineHeight'>,
): number | undefined {
  const top = index * lineHeight;
  const bottom = top + lineHeight;
  if (top < scrollOffset) return top;
  if (bottom > scrollOffset + viewportHeight) return bottom - viewportHeight;
  return undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
