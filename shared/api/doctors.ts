// Doctors with absences, credit, pins and wishes: the problem format's doctor, plus the
// absence reason that only coordinators see.
import { z } from 'zod';
import { doctorSchema } from '../format/problem';
import { mondaySchema, withToAfterFrom } from '../format/fields';
import { storedSchema, versionSchema } from './common';

export const absenceSchema = withToAfterFrom(z.strictObject({ from: mondaySchema, to: mondaySchema, reason: z.string().max(500).optional() }));

export const doctorBodySchema = doctorSchema
  .extend({ absences: z.array(absenceSchema).default([]) })
  .refine((d) => d.credits.length <= 1, { error: 'at most one credit', path: ['credits'] });
export const doctorUpdateSchema = doctorBodySchema.safeExtend({ version: versionSchema });
export const doctorResourceSchema = doctorBodySchema.safeExtend(storedSchema.shape);

export type DoctorBody = z.infer<typeof doctorBodySchema>;
export type DoctorUpdate = z.infer<typeof doctorUpdateSchema>;
export type DoctorResource = z.infer<typeof doctorResourceSchema>;
