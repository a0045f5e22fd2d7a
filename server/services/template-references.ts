// The doctors' references to template blocks (credit, pins, wishes, allowed sites) when a cohort's
// template changes or a template's blocks do: refused with the list, or mapped by block kind on
// confirmation — never dropped in silence.
import { In, type EntityManager } from 'typeorm';
import { lostReferences, mapReferences, type LostReference } from '../../shared/domain/template-change';
import type { Block } from '../../shared/format/problem';
import { DoctorEntity } from '../entities/doctor';
import { referencesLost } from '../http/errors';
import { doctorResources, writeChildren } from './doctors';
import { updateVersioned } from './locking';

/**
 * The doctors of `cohortIds` keep what names the blocks of `previous` when their template becomes
 * `next`: without `mapByKind` any reference to a block `next` lacks is refused with the list (422
 * /problems/lost-references); with it each is renamed to `next`'s block of the same kind and the
 * doctor saved (a new version), unless one has no such block — then the list is refused still.
 * Returns what was mapped.
 */
export async function keepDoctorReferences(em: EntityManager, cohortIds: string[], previous: Block[], next: Block[], mapByKind: boolean): Promise<LostReference[]> {
  if (cohortIds.length === 0) return [];
  const doctors = await doctorResources(em, await em.getRepository(DoctorEntity).find({ where: { cohortId: In(cohortIds) }, order: { code: 'ASC' } }));
  const lost = lostReferences(doctors, previous, next);
  if (lost.length === 0) return [];
  const count = `${lost.length} reference${lost.length === 1 ? '' : 's'} of doctors name${lost.length === 1 ? 's' : ''} blocks the new template lacks`;
  if (!mapByKind) throw referencesLost(`${count}; send mapByKind: true to map them to its blocks of the same kind`, lost);
  if (lost.some((l) => l.mappedTo === null)) throw referencesLost(`${count}, and some have no block of the same kind to map to; change those doctors first`, lost);
  for (const doctor of doctors) {
    if (!lost.some((l) => l.doctor === doctor.id)) continue;
    const { uuid, version, ...mapped } = mapReferences(doctor, lost);
    await updateVersioned(em, DoctorEntity, uuid, version, { allowedSites: mapped.allowedSites ?? {} }, 'doctor');
    await writeChildren(em, uuid, mapped);
  }
  return lost;
}
