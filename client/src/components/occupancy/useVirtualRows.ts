// Which rows of a long list of fixed-height rows are in or near a scroll box's viewport: only
// those are put in the page (800 sites would otherwise be tens of thousands of elements). The
// state changes only when the first or last row changes, not on every scrolled pixel.
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Rows drawn above and below the viewport, so a quick scroll shows no gap. */
const OVERSCAN = 6;
/** A box that has not been laid out (no layout engine, e.g. in component tests) counts as this tall. */
const UNMEASURED_HEIGHT = 600;

export interface VirtualRows {
  /** First row in the page (inclusive) and the row after the last (exclusive). */
  start: number;
  end: number;
  /** Scrolls the box so the row is inside the viewport (below the sticky head), if it is not. */
  reveal(row: number): void;
}

export function useVirtualRows(box: RefObject<HTMLElement | null>, count: number, rowHeight: number, headHeight: number): VirtualRows {
  const [view, setView] = useState({ first: 0, rows: Math.ceil(UNMEASURED_HEIGHT / rowHeight) });
  const measure = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const first = Math.floor(el.scrollTop / rowHeight);
    const rows = Math.ceil(((el.clientHeight || UNMEASURED_HEIGHT) - headHeight) / rowHeight) + 1;
    setView((v) => (v.first === first && v.rows === rows ? v : { first, rows }));
  }, [box, rowHeight, headHeight]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    let frame = 0;
    const later = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), measure()));
    };
    measure();
    el.addEventListener('scroll', later, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(later);
    resized?.observe(el);
    return () => {
      el.removeEventListener('scroll', later);
      resized?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [box, measure]);

  const reveal = useCallback(
    (row: number) => {
      const el = box.current;
      if (!el) return;
      const height = (el.clientHeight || UNMEASURED_HEIGHT) - headHeight;
      const top = row * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
      // Drawn in the same render as the change that asked for it, not a frame later.
      measure();
    },
    [box, rowHeight, headHeight, measure],
  );

  return {
    start: Math.max(0, Math.min(count, view.first - OVERSCAN)),
    end: Math.min(count, view.first + view.rows + OVERSCAN),
    reveal,
  };
}
