// Form input checked with the server's zod schema before it is sent: each broken field's
// message, in the UI's language, shown beside the field.
import { useState, type InputHTMLAttributes } from 'react';
import type { z } from 'zod';
import { formatPath } from '../../../shared/format/issues';
import { issueMessage, type NumberUnit } from '../../../shared/format/messages';
import { useLang } from '../i18n/lang';
import type { Lang } from '../i18n/texts';

/**
 * How a field words its issues beyond the schema: the unit of its number ("Högst 24 månader"),
 * or one message for any issue (a percentage typed 50–100 but sent as 0.5–1). Keyed by path,
 * list indices written `[]`: `blocks[].months`.
 */
export type FieldWording = Record<string, { unit: NumberUnit } | { message: (lang: Lang) => string }>;

const pattern = (path: string) => path.replace(/\[\d+\]/g, '[]');

export function useFieldErrors() {
  const { lang } = useLang();
  // Issues, not words: a message follows the language when the user switches it.
  const [issues, setIssues] = useState<{ list: z.core.$ZodIssue[]; wording: FieldWording }>({ list: [], wording: {} });
  const errors: Record<string, string> = {};
  for (const issue of issues.list) {
    const path = formatPath(issue.path);
    const how = issues.wording[pattern(path)];
    errors[path] ??= how && 'message' in how ? how.message(lang) : issueMessage(issue, lang, how?.unit);
  }
  /** The parsed value, or undefined after showing what is wrong. */
  const check = <T extends z.ZodType>(schema: T, value: unknown, wording: FieldWording = {}): z.infer<T> | undefined => {
    // With the input kept, a missing value reads "Fyll i fältet" rather than a wrong type.
    const parsed = schema.safeParse(value, { reportInput: true });
    setIssues({ list: parsed.success ? [] : parsed.error.issues, wording });
    return parsed.success ? parsed.data : undefined;
  };
  const error = (path: string) =>
    errors[path] && (
      <span id={`${path}-error`} role="alert" className="field-error">
        {errors[path]}
      </span>
    );
  /** A labelled input with its message beside it, marked invalid and described by it. */
  const field = (name: string, label: string, value: string, onChange: (value: string) => void, props: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label>
        {label}{' '}
        <input
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${name}-error` : undefined}
          {...props}
        />
      </label>{' '}
      {error(name)}
    </div>
  );
  return { check, error, errors, field };
}
