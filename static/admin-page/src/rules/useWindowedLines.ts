import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { scrollOffsetToReveal, visibleRange, type LineRange } from './visibleRange';

interface Viewport {
  scrollTop: number;
  height: number;
  headerHeight: number;
}

/** Before the first measurement: about what a 36rem region shows. */
const INITIAL_VIEWPORT: Viewport = { scrollTop: 0, height: 576, headerHeight: 56 };
const OVERSCAN = 8;

export interface WindowedLines {
  scrollRef: RefObject<HTMLDivElement>;
  headerRef: RefObject<HTMLTableSectionElement>;
  range: LineRange;
  headerHeight: number;
  /** Scrolls so that line `index` is in view (it is then rendered). */
  reveal(index: number): void;
  scrollToTop(): void;
}

/**
 * Tracks a scroll region holding a table with a sticky header and `count`
 * equal-height body lines, and says which lines to render.
 */
export function useWindowedLines(count: number, lineHeight: number): WindowedLines {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLTableSectionElement>(null);
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const frame = useRef<number | undefined>(undefined);

  const measure = useCallback(() => {
    frame.current = undefined;
    const region = scrollRef.current;
    if (!region) return;
    const next: Viewport = {
      scrollTop: region.scrollTop,
      height: region.clientHeight,
      headerHeight: headerRef.current?.offsetHeight ?? INITIAL_VIEWPORT.headerHeight,
    };
    setViewport((current) =>
      current.scrollTop === next.scrollTop &&
      current.height === next.height &&
      current.headerHeight === next.headerHeight
        ? current
        : next,
    );
  }, []);

  const scheduleMeasure = useCallback(() => {
    if (frame.current === undefined) frame.current = requestAnimationFrame(measure);
  }, [measure]);

  useLayoutEffect(() => {
    measure();
  }, [measure, count]);

  useEffect(() => {
    const region = scrollRef.current;
    if (!region) return undefined;
    region.addEventListener('scroll', scheduleMeasure, { passive: true });
    const observer = new ResizeObserver(scheduleMeasure);
    observer.observe(region);
    if (headerRef.current) observer.observe(headerRef.current);
    return () => {
      region.removeEventListener('scroll', scheduleMeasure);
      observer.disconnect();
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    };
  }, [scheduleMeasure]);

  const linesViewport = Math.max(0, viewport.height - viewport.headerHeight);
  const range = visibleRange({
    scrollOffset: viewport.scrollTop,
    viewportHeight: linesViewport,
    lineHeight,
    count,
    overscan: OVERSCAN,
  });

  const reveal = useCallback(
    (index: number) => {
      const region = scrollRef.current;
      if (!region) return;
      const headerHeight = headerRef.current?.offsetHeight ?? 0;
      const target = scrollOffsetToReveal(index, {
        scrollOffset: region.scrollTop,
        viewportHeight: Math.max(lineHeight, region.clientHeight - headerHeight),
        lineHeight,
      });
      if (target !== undefined) region.scrollTop = target;
      measure();
    },
    [lineHeight, measure],
  );

  const scrollToTop = useCallback(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    measure();
  }, [measure]);

  return { scrollRef, headerRef, range, headerHeight: viewport.headerHeight, reveal, scrollToTop };
}
