// One block of a template, in order: kind, length, where it may lie, and the BT goals it covers.
import { EntitySchema } from 'typeorm';
import type { TemplateRow } from './template';

export interface TemplateBlockRow {
  id: string;
  templateId: string;
  template?: TemplateRow;
  position: number;
  /** The block id in `bt-planning-problem/1` files, unique in the template. */
  code: string;
  kind: string;
  category: string;
  name: string | null;
  weeks: number;
  months: string | null;
  offset: number | null;
  windowFrom: string | null;
  windowTo: string | null;
  /** The Monday the block starts for every doctor of the cohort (common education). */
  at: string | null;
  /** BT goals when not the kind's own. */
  goals: string[] | null;
  /** Assessments expected in each placement of the block: kind id → count. */
  assessments: Record<string, number>;
}

export const TemplateBlockEntity = new EntitySchema<TemplateBlockRow>({
  name: 'TemplateBlock',
  tableName: 'template_blocks',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    templateId: { type: 'uuid', name: 'template_id' },
    position: { type: 'integer' },
    code: { type: 'text' },
    kind: { type: 'text' },
    category: { type: 'text' },
    name: { type: 'text', nullable: true },
    weeks: { type: 'integer' },
    months: { type: 'numeric', precision: 5, scale: 2, nullable: true },
    offset: { type: 'integer', name: 'offset_weeks', nullable: true },
    windowFrom: { type: 'date', name: 'window_from', nullable: true },
    windowTo: { type: 'date', name: 'window_to', nullable: true },
    at: { type: 'date', name: 'at_week', nullable: true },
    goals: { type: 'text', array: true, nullable: true },
    assessments: { type: 'jsonb', default: {} },
  },
  relations: { template: { type: 'many-to-one', target: 'Template', joinColumn: { name: 'template_id' }, onDelete: 'CASCADE' } },
  uniques: [
    { name: 'uq_template_blocks_code', columns: ['templateId', 'code'] },
    { name: 'uq_template_blocks_position', columns: ['templateId', 'position'] },
  ],
  checks: [
    { name: 'ck_template_blocks_weeks', expression: 'weeks > 0' },
    { name: 'ck_template_blocks_category', expression: `category IN ('acute', 'primary-care', 'psychiatry', 'other', 'vacation', 'cohort')` },
    { name: 'ck_template_blocks_window', expression: '(window_from IS NULL) = (window_to IS NULL) AND (window_from IS NULL OR window_from < window_to)' },
    { name: 'ck_template_blocks_at', expression: 'at_week IS NULL OR (offset_weeks IS NULL AND extract(isodow FROM at_week) = 1)' },
  ],
});
