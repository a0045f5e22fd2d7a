// What a cohort's doctors would lose when its template changes: credits, pins, wishes and allowed
// sites that name a block the new template lacks — and how each maps to the new template's block
// of the same kind, when the coordinator confirms. Pure; the server refuses or applies it.
import type { Block, Doctor } from '../format/problem';
import { CREDITABLE_CATEGORIES, needsSite } from './block-kinds';
import { ownValue } from './own';

export const REFERENCE_KINDS = ['credit', 'pin', 'wish', 'allowedSites'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface LostReference {
  /** The doctor's id (code) in the cohort. */
  doctor: string;
  doctorName: string;
  what: ReferenceKind;
  /** The block named, which the new template lacks. */
  block: string;
  /** Its kind in the old template (null when the old template lacked it too). */
  kind: string | null;
  /** The new template's block of the same kind it maps to, or null when none can take it. */
  mappedTo: string | null;
}

type DoctorRefs = Pick<Doctor, 'id' | 'name' | 'credits' | 'pins' | 'wishes' | 'allowedSites'>;
type BlockRef = Pick<Block, 'id' | 'kind' | 'category'>;

/**
 * Every reference of the doctors to a block `next` lacks, with its same-kind block in `next`:
 * the first block of that kind; none for a credit whose target cannot be credited, an allowed
 * site list whose target has no site, or a pin whose target the doctor has pinned already.
 */
export function lostReferences(doctors: readonly DoctorRefs[], previous: readonly BlockRef[], next: readonly BlockRef[]): LostReference[] {
  const kept = new Set(next.map((b) => b.id));
  const lost: LostReference[] = [];
  for (const doctor of [...doctors].sort((a, b) => a.id.localeCompare(b.id))) {
    const pinned = new Set(doctor.pins.filter((p) => kept.has(p.block)).map((p) => p.block));
    const add = (what: ReferenceKind, block: string) => {
      if (kept.has(block)) return;
      const kind = previous.find((b) => b.id === block)?.kind ?? null;
      const target = kind === null ? undefined : next.find((b) => b.kind === kind);
      let mappedTo = target?.id ?? null;
      if (target && what === 'credit' && !CREDITABLE_CATEGORIES.includes(target.category)) mappedTo = null;
      if (target && what === 'allowedSites' && !needsSite(target.category)) mappedTo = null;
      if (target && what === 'pin') {
        if (pinned.has(target.id)) mappedTo = null;
        else pinned.add(target.id);
      }
      lost.push({ doctor: doctor.id, doctorName: doctor.name, what, block, kind, mappedTo });
    };
    for (const c of doctor.credits) add('credit', c.block);
    for (const p of doctor.pins) add('pin', p.block);
    // A wish list may name a block twice; it is listed once.
    for (const block of new Set(doctor.wishes.map((w) => w.block))) add('wish', block);
    for (const block of Object.keys(doctor.allowedSites ?? {})) add('allowedSites', block);
  }
  return lost;
}

/** The doctor with each of its lost references renamed to the block it maps to (allowed sites of two blocks merge). */
export function mapReferences<D extends DoctorRefs>(doctor: D, lost: readonly LostReference[]): D {
  const to = new Map(lost.filter((l) => l.doctor === doctor.id && l.mappedTo !== null).map((l) => [`${l.what}:${l.block}`, l.mappedTo!]));
  const rename = <T extends { block: string }>(what: ReferenceKind, x: T): T => ({ ...x, block: to.get(`${what}:${x.block}`) ?? x.block });
  let allowedSites: D['allowedSites'] = undefined;
  if (doctor.allowedSites) {
    const merged: Record<string, string[]> = {};
    for (const [block, sites] of Object.entries(doctor.allowedSites)) {
      const key = to.get(`allowedSites:${block}`) ?? block;
      merged[key] = [...new Set([...(ownValue(merged, key) ?? []), ...sites])];
    }
    allowedSites = merged;
  }
  return {
    ...doctor,
    credits: doctor.credits.map((c) => rename('credit', c)),
    pins: doctor.pins.map((p) => rename('pin', p)),
    wishes: doctor.wishes.map((w) => rename('wish', w)),
    ...(allowedSites ? { allowedSites } : {}),
  };
}
