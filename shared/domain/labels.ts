// How doctors and blocks are named in messages. A doctor with protected identity is
// never named, only referred to by id, so messages are safe to show and log.
import type { Block, Doctor } from '../format/problem';
import { builtInBlockKind } from './block-kinds';

export type Lang = 'sv' | 'en';

export const PROTECTED_NAME_SV = 'BT-läkare (skyddad identitet)';
export const PROTECTED_NAME_EN = 'BT doctor (protected identity)';

export function doctorLabel(doctor: Pick<Doctor, 'id' | 'name' | 'protectedIdentity'>, lang: Lang): string {
  if (doctor.protectedIdentity) return `${lang === 'sv' ? PROTECTED_NAME_SV : PROTECTED_NAME_EN} [${doctor.id}]`;
  return `${doctor.name} [${doctor.id}]`;
}

export function blockLabel(block: Pick<Block, 'id' | 'kind' | 'name'>, lang: Lang): string {
  if (block.name) return block.name;
  const kind = builtInBlockKind(block.kind);
  if (kind) return lang === 'sv' ? kind.name_sv : kind.name_en;
  return block.id;
}

