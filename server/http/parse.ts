// Reads a request part through its shared zod schema; a failure throws the ZodError that the
// error mapper answers with 400. The issues keep their input, so a missing field reads "Required"
// rather than a wrong type (shared/format/messages.ts); the mapper sends only path and message.
import type { z } from 'zod';

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  return schema.parse(value, { reportInput: true });
}
