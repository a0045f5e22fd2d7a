// What a viewer may see of a doctor: absence reasons are for coordinators (and admins) only,
// everyone else reads "Frånvaro"; a credit exception for them and the doctor; protected identity
// is never named outside coordination.
import { PROTECTED_NAME_SV } from '../../shared/domain/labels';
import type { DoctorResource } from '../../shared/api/doctors';
import type { Problem } from '../../shared/format/problem';
import type { Principal } from '../auth/principal';

export const ABSENCE_LABEL = 'Frånvaro';

export function coordinates(viewer: Principal | undefined): boolean {
  return viewer?.role === 'admin' || viewer?.role === 'coordinator';
}

export function doctorForViewer(doctor: DoctorResource, viewer: Principal | undefined): DoctorResource {
  if (coordinates(viewer)) return doctor;
  const { creditException, ...rest } = doctor;
  // A credit exception's reason is personal too: the doctor reads their own, nobody else does.
  const own = viewer?.role === 'doctor' && viewer.doctorId === doctor.uuid;
  return { ...rest, ...(own && creditException ? { creditException } : {}), absences: doctor.absences.map(({ reason: _reason, ...days }) => ({ ...days, reason: ABSENCE_LABEL })) };
}

/** A doctor's name as a clinic (or any non-coordinator) sees it. */
export function shownName(doctor: { name: string; protectedIdentity: boolean }): string {
  return doctor.protectedIdentity ? PROTECTED_NAME_SV : doctor.name;
}

/**
 * A cohort's problem as a coordinator limited to some towns sees it: other towns' doctors stay
 * (the board checks capacity and rules over the whole cohort) but only by their code — no
 * name, no supervisor.
 */
export function problemForTowns(problem: Problem, towns: ReadonlySet<string>): Problem {
  return {
    ...problem,
    doctors: problem.doctors.map((doctor) => {
      if (doctor.town !== undefined && towns.has(doctor.town)) return doctor;
      const { supervisor: _supervisor, ...rest } = doctor;
      return { ...rest, name: doctor.id };
    }),
  };
}

/**
 * `value` (an answer about a cohort: a plan with its violations, a solver run) with the names of
 * doctors outside `towns` replaced by their codes, wherever a text names them.
 */
export function otherTownsUnnamed<T>(value: T, problem: Problem, towns: ReadonlySet<string>): T {
  const others = problem.doctors.filter((d) => !(d.town !== undefined && towns.has(d.town)) && d.name !== d.id);
  if (others.length === 0) return value;
  const unname = (text: string) => others.reduce((t, d) => t.split(d.name).join(d.id), text);
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? unname(v) : v)) as T;
}
