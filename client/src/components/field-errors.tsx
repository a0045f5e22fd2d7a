// Form input checked with the server's zod schema before it is sent: each broken field's
// message, shown beside the field.
import { useState } from 'react';
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
  return { check, error, errors };
}
