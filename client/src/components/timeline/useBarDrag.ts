// Dragging a bar: the middle moves it, the right edge resizes it, in whole weeks. While the
// pointer moves only the dragged element is touched (a transform), so 200 rows never re-render
// mid-drag; the change is reported once, on release.
import { useRef, type PointerEvent } from 'react';

export interface DragResult {
  /** Weeks the start moved (move) or 0 (resize). */
  shift: number;
  /** Weeks the end moved. */
  stretch: number;
}

export function useBarDrag(weeks: number, onDrop: (result: DragResult) => void) {
  const drag = useRef<{ x: number; width: number; resize: boolean; delta: number; el: HTMLElement } | null>(null);
  /** True right after a drag, so the click that ends it does not also select. */
  const dragged = useRef(false);

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    const el = event.currentTarget;
    const resize = (event.target as HTMLElement).classList.contains('bar-resize');
    drag.current = { x: event.clientX, width: el.getBoundingClientRect().width / weeks, resize, delta: 0, el };
    dragged.current = false;
    el.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const delta = Math.round((event.clientX - d.x) / d.width);
    if (delta === d.delta) return;
    d.delta = resizeLimit(d.resize, delta, weeks);
    d.el.classList.add('bar-dragging');
    if (d.resize) d.el.style.width = `${(weeks + d.delta) * d.width}px`;
    else d.el.style.transform = `translateX(${d.delta * d.width}px)`;
  };
  /** Puts the bar back where React drew it; the drag's weeks, if it was a real drag. */
  const end = () => {
    const d = drag.current;
    drag.current = null;
    if (!d) return 0;
    d.el.classList.remove('bar-dragging');
    d.el.style.transform = '';
    d.el.style.width = '';
    return d.delta === 0 ? 0 : { delta: d.delta, resize: d.resize };
  };
  const onPointerUp = () => {
    const done = end();
    if (!done) return;
    dragged.current = true;
    onDrop(done.resize ? { shift: 0, stretch: done.delta } : { shift: done.delta, stretch: done.delta });
  };
  // A cancelled drag (the browser took the pointer, e.g. to scroll) changes nothing.
  const onPointerCancel = () => void end();
  return { handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel }, dragged };
}

/** A bar keeps at least one week. */
function resizeLimit(resize: boolean, delta: number, weeks: number): number {
  return resize ? Math.max(delta, 1 - weeks) : delta;
}
