// Signing in and out, passwords, users (admin).
import { z } from 'zod';
import { isoDateSchema } from '../format/fields';
import { ruleCheck } from '../format/rules';
import { uuidSchema } from './common';

export const MIN_PASSWORD_LENGTH = 12;
const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(200);

export const loginSchema = z.strictObject({ email: z.string().trim().toLowerCase().max(200), password: z.string().max(200) });
export const passwordChangeSchema = z.strictObject({ current: z.string().max(200), password: passwordSchema });
export const passwordResetSchema = z.strictObject({ token: z.string().min(1).max(200), password: passwordSchema });

export const ROLES = ['admin', 'coordinator', 'clinic', 'doctor', 'supervisor'] as const;

type UserRoles = { role: (typeof ROLES)[number]; regions: string[]; sites: string[]; doctor?: string; towns?: string[] };
const userRule = (key: 'doctor-user' | 'regions-only-coordinators' | 'coordinator-needs-region' | 'towns-only-coordinators' | 'sites-only-clinic' | 'clinic-needs-site', holds: (u: UserRoles) => boolean, field: string) =>
  ruleCheck(key, holds, () => ({}), { path: [field] });

export const userBodySchema = z
  .strictObject({
    email: z.email().trim().toLowerCase().max(200),
    password: passwordSchema,
    role: z.enum(ROLES),
    regions: z.array(uuidSchema).default([]),
    sites: z.array(uuidSchema).default([]),
    doctor: uuidSchema.optional(),
    /** A coordinator limited to these towns of their regions (each must be a town there); absent: the whole regions. */
    towns: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
  })
  .check(
    userRule('doctor-user', (u) => (u.role === 'doctor') === (u.doctor !== undefined), 'doctor'),
    userRule('regions-only-coordinators', (u) => u.role === 'coordinator' || u.regions.length === 0, 'regions'),
    userRule('coordinator-needs-region', (u) => u.role !== 'coordinator' || u.regions.length > 0, 'regions'),
    userRule('towns-only-coordinators', (u) => u.role === 'coordinator' || u.towns === undefined, 'towns'),
    userRule('sites-only-clinic', (u) => u.role === 'clinic' || u.sites.length === 0, 'sites'),
    userRule('clinic-needs-site', (u) => u.role !== 'clinic' || u.sites.length > 0, 'sites'),
  );

/** An account, as the admin's user list shows it. */
export const accountSchema = z.object({
  uuid: uuidSchema,
  email: z.string(),
  role: z.enum(ROLES),
  regions: z.array(uuidSchema),
  sites: z.array(uuidSchema),
  doctor: uuidSchema.nullable(),
  /** A coordinator's towns when limited to some towns of their regions; null: the whole regions. */
  towns: z.array(z.string()).nullable(),
});

/** The signed-in user (login, /auth/me) with the server's date in Stockholm: the client's "today". */
export const userSchema = accountSchema.extend({ today: isoDateSchema });

export type Login = z.infer<typeof loginSchema>;
export type UserBody = z.infer<typeof userBodySchema>;
export type Account = z.infer<typeof accountSchema>;
export type User = z.infer<typeof userSchema>;
