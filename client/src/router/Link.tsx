// A link inside the app: a real <a href> (open in a new tab, copy the address), followed without
// a page load on a plain click.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history';

export function Link({ to, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || props.target) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...props} href={to} onClick={follow} />;
}
