// Form input checked with the server's zod schema before it is sent: each broken field's
// message, shown beside the field.
import { useState, type InputHTMLAttributes } from 'react';
import type { z } from 'zod';
import { formatPath } from '../../../shared/format/issues';

export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** The parsed value, or undefined after showing what is wrong. */
  const check = <T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | undefined => {
    const parsed = schema.safeParse(value);
    setErrors(parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [formatPath(i.path), i.message])));
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
