// A calendar feed's link as the API answers it: the https URL, the same as webcal:// for
// calendar apps, and the feed's id (for revoking it).
import { z } from 'zod';
import { uuidSchema } from './common';

export const feedLinkSchema = z.object({ uuid: uuidSchema, url: z.string(), webcal: z.string() });
export type FeedLink = z.infer<typeof feedLinkSchema>;
