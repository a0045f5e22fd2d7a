// A doctor's wish or leave request and the coordinator's decision on it.
import { z } from 'zod';
import { wishSchema } from '../format/problem';
import { absenceBodySchema } from './doctors';
import { uuidSchema, versionSchema } from './common';

export const doctorRequestBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('wish'), wish: wishSchema }),
  // Leave keeps its days (first, last, inclusive); approving it derives the absence weeks.
  z.strictObject({ kind: z.literal('leave'), leave: absenceBodySchema }),
]);

export const doctorRequestDecisionSchema = z.strictObject({ decision: z.enum(['approve', 'reject']), version: versionSchema });

export const doctorRequestListQuerySchema = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected']).optional() });

export const doctorRequestSchema = z.object({
  uuid: uuidSchema,
  version: versionSchema,
  doctor: uuidSchema,
  status: z.enum(['pending', 'approved', 'rejected']),
  request: doctorRequestBodySchema,
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export type DoctorRequestBody = z.infer<typeof doctorRequestBodySchema>;
export type DoctorRequestDecision = z.infer<typeof doctorRequestDecisionSchema>;
export type DoctorRequest = z.infer<typeof doctorRequestSchema>;
