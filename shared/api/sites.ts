// Sites with their capacity overrides: the problem format's site, stored in a region.
import { z } from 'zod';
import { siteSchema } from '../format/problem';
import { storedSchema, versionSchema } from './common';

export const siteBodySchema = siteSchema;
export const siteUpdateSchema = siteBodySchema.extend({ version: versionSchema });
export const siteResourceSchema = siteBodySchema.extend(storedSchema.shape);

export type SiteBody = z.infer<typeof siteBodySchema>;
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;
export type SiteResource = z.infer<typeof siteResourceSchema>;
