// A <details> whose content is only built once opened: the board of 200 doctors stays quick.
import { useState, type ReactNode } from 'react';

export function Disclosure({ summary, id, children }: { summary: string; id?: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details id={id} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
