// What a viewer may see of a doctor: absence reasons are for coordinators (and admins) only,
// everyone else reads "Frånvaro"; protected identity is never named outside coordination.
import { PROTECTED_NAME_SV } from '../../shared/domain/labels';
import type { DoctorResource } from '../../shared/api/doctors';
import type { Principal } from '../auth/principal';

export const ABSENCE_LABEL = 'Frånvaro';

export function coordinates(viewer: Principal | undefined): boolean {
  return viewer?.role === 'admin' || viewer?.role === 'coordinator';
}

export function doctorForViewer(doctor: DoctorResource, viewer: Principal | undefined): DoctorResource {
  if (coordinates(viewer)) return doctor;
  return { ...doctor, absences: doctor.absences.map(({ reason: _reason, ...days }) => ({ ...days, reason: ABSENCE_LABEL })) };
}

/** A doctor's name as a clinic (or any non-coordinator) sees it. */
export function shownName(doctor: { name: string; protectedIdentity: boolean }): string {
  return doctor.protectedIdentity ? PROTECTED_NAME_SV : doctor.name;
}
