// Input problems as data, and their one-line form "<json path>: <what is wrong>".
import type { z } from 'zod';
import { issueMessage } from './messages';

export interface FormatIssue {
  path: (string | number)[];
  /** In English (messages.ts words it in Swedish too). */
  message: string;
  /** A rule's key and values (rules.ts), so a UI can word it in its language. */
  params?: Record<string, unknown>;
}

/** `doctors[3].start`, `allowedSites.pc[1]`, `(root)` for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

export function formatIssue(issue: FormatIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): FormatIssue[] {
  return issues.map((issue) => ({ path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)), message: issueMessage(issue, 'en') }));
}
