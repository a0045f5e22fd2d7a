// Written by hand, like PublishedPlansImmutable: entities cannot express triggers. Whatever writes
// (the app, a restore, a person with psql), the database itself raises
//  - region_revisions: a region's planning inputs changed (a plan's stored check is stale), and
//  - calendar_revisions: something a doctor's, site's or cohort's calendar shows changed.
// Each statement raises once, over its transition tables. Revisions come from one sequence, so a
// value is never reused and a rendering cached under it never goes stale. A draft's edits raise
// nothing: only published plans reach calendars and the region's load.
import type { MigrationInterface, QueryRunner } from 'typeorm';

// What a calendar shows of a doctor, site or cohort: the doctor's own, the site's and the cohort's
// calendars, and every calendar showing one of their published placements. Rows in a fixed order,
// so two writers at once take the revision rows' locks in the same order.
const TOUCH = `CREATE FUNCTION "touch_revisions"(doctor_ids uuid[], site_ids uuid[], cohort_ids uuid[], template_ids uuid[], region_ids uuid[], calendars boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rev bigint := nextval('revision_seq');
  regions uuid[];
BEGIN
  -- A template's cohorts show its blocks.
  cohort_ids := coalesce(cohort_ids, '{}') || coalesce((SELECT array_agg(id) FROM cohorts WHERE template_id = ANY(template_ids)), '{}');
  SELECT array_agg(DISTINCT r ORDER BY r) INTO regions FROM (
    SELECT unnest(region_ids) AS r
    UNION SELECT region_id FROM templates WHERE id = ANY(template_ids)
    UNION SELECT region_id FROM sites WHERE id = ANY(site_ids)
    UNION SELECT region_id FROM cohorts WHERE id = ANY(cohort_ids)
    UNION SELECT c.region_id FROM doctors d JOIN cohorts c ON c.id = d.cohort_id WHERE d.id = ANY(doctor_ids)
  ) touched WHERE r IS NOT NULL;
  IF regions IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO region_revisions (region_id, revision) SELECT r, rev FROM unnest(regions) r ORDER BY r
    ON CONFLICT (region_id) DO UPDATE SET revision = EXCLUDED.revision;
  IF NOT calendars THEN
    RETURN;
  END IF;
  INSERT INTO calendar_revisions (scope, target_id, revision)
  SELECT scope, target_id, rev FROM (
    WITH placed AS (
      SELECT a.doctor_id, a.site_id, p.cohort_id
        FROM cohorts c
        JOIN plans p ON p.cohort_id = c.id AND p.status = 'published'
        JOIN assignments a ON a.plan_id = p.id
       WHERE c.region_id = ANY(regions)
         AND (p.cohort_id = ANY(cohort_ids) OR a.doctor_id = ANY(doctor_ids) OR a.site_id = ANY(site_ids))
    )
    SELECT 'doctor' AS scope, unnest(doctor_ids) AS target_id
    UNION SELECT 'site', unnest(site_ids)
    UNION SELECT 'cohort', unnest(cohort_ids)
    UNION SELECT 'doctor', id FROM doctors WHERE cohort_id = ANY(cohort_ids)
    UNION SELECT 'cohort', cohort_id FROM doctors WHERE id = ANY(doctor_ids)
    UNION SELECT 'doctor', doctor_id FROM placed
    UNION SELECT 'site', site_id FROM placed
    UNION SELECT 'cohort', cohort_id FROM placed
  ) shown WHERE target_id IS NOT NULL ORDER BY scope, target_id
    ON CONFLICT (scope, target_id) DO UPDATE SET revision = EXCLUDED.revision;
END $$`;

// For a table whose rows name a doctor, site, cohort, template or region (or a cohort whose region
// alone counts: region-of-cohort): TG_ARGV is whether
// calendars show the table, then pairs of (kind, column). A statement reads only the transition
// tables its event has (plpgsql plans each branch when it first runs).
const CHANGED = `CREATE FUNCTION "revisions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids jsonb[];
  by_kind jsonb := '{}';
  kind text;
  col text;
  i int := 1;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(to_jsonb(n)) INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(to_jsonb(o)) INTO ids FROM old_rows o;
  ELSE
    SELECT array_agg(r) INTO ids FROM (SELECT to_jsonb(o) AS r FROM old_rows o UNION ALL SELECT to_jsonb(n) FROM new_rows n) changed;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  WHILE i < TG_NARGS LOOP
    kind := TG_ARGV[i];
    col := TG_ARGV[i + 1];
    by_kind := by_kind || jsonb_build_object(kind, coalesce(by_kind -> kind, '[]') || (SELECT coalesce(jsonb_agg(DISTINCT r -> col), '[]') FROM unnest(ids) r WHERE r ->> col IS NOT NULL));
    i := i + 2;
  END LOOP;
  PERFORM touch_revisions(
    ARRAY(SELECT jsonb_array_elements_text(coalesce(by_kind -> 'doctor', '[]'))::uuid),
    ARRAY(SELECT jsonb_array_elements_text(coalesce(by_kind -> 'site', '[]'))::uuid),
    ARRAY(SELECT jsonb_array_elements_text(coalesce(by_kind -> 'cohort', '[]'))::uuid),
    ARRAY(SELECT jsonb_array_elements_text(coalesce(by_kind -> 'template', '[]'))::uuid),
    ARRAY(SELECT jsonb_array_elements_text(coalesce(by_kind -> 'region', '[]'))::uuid
          UNION SELECT region_id FROM cohorts WHERE id IN (SELECT jsonb_array_elements_text(coalesce(by_kind -> 'region-of-cohort', '[]'))::uuid)),
    TG_ARGV[0]::boolean);
  RETURN NULL;
END $$`;

// Plans count when they become or stop being published (a draft's edits bump its version only);
// assignments only in a published plan (a restore writes them; the app never changes one).
const PLANS_CHANGED = `CREATE FUNCTION "plan_revisions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plan_ids uuid[];
  cohort_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id), array_agg(DISTINCT cohort_id) INTO plan_ids, cohort_ids FROM new_rows WHERE status = 'published';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id), array_agg(DISTINCT cohort_id) INTO plan_ids, cohort_ids FROM old_rows WHERE status = 'published';
  ELSE
    SELECT array_agg(n.id), array_agg(DISTINCT n.cohort_id) INTO plan_ids, cohort_ids
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE o.status IS DISTINCT FROM n.status AND 'published' IN (o.status, n.status);
  END IF;
  IF plan_ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM touch_revisions(
    ARRAY(SELECT DISTINCT doctor_id FROM assignments WHERE plan_id = ANY(plan_ids)),
    ARRAY(SELECT DISTINCT site_id FROM assignments WHERE plan_id = ANY(plan_ids) AND site_id IS NOT NULL),
    cohort_ids, NULL, NULL, true);
  RETURN NULL;
END $$`;

const ASSIGNMENTS_CHANGED = `CREATE FUNCTION "assignment_revisions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  placed record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT a.doctor_id) AS doctors, array_agg(DISTINCT a.site_id) FILTER (WHERE a.site_id IS NOT NULL) AS sites, array_agg(DISTINCT p.cohort_id) AS cohorts
      INTO placed FROM new_rows a JOIN plans p ON p.id = a.plan_id AND p.status = 'published';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT a.doctor_id) AS doctors, array_agg(DISTINCT a.site_id) FILTER (WHERE a.site_id IS NOT NULL) AS sites, array_agg(DISTINCT p.cohort_id) AS cohorts
      INTO placed FROM old_rows a JOIN plans p ON p.id = a.plan_id AND p.status = 'published';
  ELSE
    SELECT array_agg(DISTINCT a.doctor_id) AS doctors, array_agg(DISTINCT a.site_id) FILTER (WHERE a.site_id IS NOT NULL) AS sites, array_agg(DISTINCT p.cohort_id) AS cohorts
      INTO placed FROM (SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows) a JOIN plans p ON p.id = a.plan_id AND p.status = 'published';
  END IF;
  IF placed.cohorts IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM touch_revisions(placed.doctors, placed.sites, placed.cohorts, NULL, NULL, true);
  RETURN NULL;
END $$`;

/** Table → [whether calendars show it, then (kind, column) pairs]. */
const TABLES: Record<string, string[]> = {
  // The cohort for the region only: a doctor deleted is no longer there to find it by.
  doctors: ['true', 'doctor', 'id', 'region-of-cohort', 'cohort_id'],
  absences: ['true', 'doctor', 'doctor_id'],
  credits: ['false', 'doctor', 'doctor_id'],
  pins: ['false', 'doctor', 'doctor_id'],
  wishes: ['false', 'doctor', 'doctor_id'],
  cohorts: ['true', 'cohort', 'id', 'region', 'region_id'],
  templates: ['true', 'template', 'id', 'region', 'region_id'],
  template_blocks: ['true', 'template', 'template_id'],
  sites: ['true', 'site', 'id', 'region', 'region_id'],
  capacity_overrides: ['false', 'site', 'site_id'],
};

const EVENTS = [
  ['insert', 'INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['update', 'UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'DELETE', 'REFERENCING OLD TABLE AS old_rows'],
] as const;

function triggers(table: string, fn: string, args: string[]): string[] {
  const argList = args.map((a) => `'${a}'`).join(', ');
  return EVENTS.map(([event, op, referencing]) => `CREATE TRIGGER "tr_${table}_revisions_${event}" AFTER ${op} ON "${table}" ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"(${argList})`);
}

const ALL_TABLES = [...Object.keys(TABLES), 'plans', 'assignments'];

export class RevisionTriggers1796599754380 implements MigrationInterface {
  name = 'RevisionTriggers1796599754380';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "revision_seq"`);
    for (const sql of [TOUCH, CHANGED, PLANS_CHANGED, ASSIGNMENTS_CHANGED]) await queryRunner.query(sql);
    for (const [table, args] of Object.entries(TABLES)) for (const sql of triggers(table, 'revisions_changed', args)) await queryRunner.query(sql);
    for (const sql of triggers('plans', 'plan_revisions_changed', [])) await queryRunner.query(sql);
    for (const sql of triggers('assignments', 'assignment_revisions_changed', [])) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ALL_TABLES) for (const [event] of EVENTS) await queryRunner.query(`DROP TRIGGER "tr_${table}_revisions_${event}" ON "${table}"`);
    for (const fn of ['"assignment_revisions_changed"()', '"plan_revisions_changed"()', '"revisions_changed"()', '"touch_revisions"(uuid[], uuid[], uuid[], uuid[], uuid[], boolean)']) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    await queryRunner.query(`DROP SEQUENCE "revision_seq"`);
  }
}
