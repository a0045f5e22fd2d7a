// Written by hand: the generator does not diff CHECK constraints or triggers.
//  - users may have the role 'supervisor' (handledare);
//  - assessments and placement supervisors are shown in the doctor's calendar, so they raise its
//    revisions like absences do (see RevisionTriggers);
//  - a region's assessment kinds name its planned assessments: a change to a region raises the
//    calendars of all its cohorts.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['assessments', 'placement_supervisors'];
const EVENTS = [
  ['insert', 'INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['update', 'UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'DELETE', 'REFERENCING OLD TABLE AS old_rows'],
] as const;

const REGIONS_CHANGED = `CREATE FUNCTION "region_revisions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  region_ids uuid[];
BEGIN
  SELECT array_agg(n.id) INTO region_ids FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.assessment_kinds IS DISTINCT FROM n.assessment_kinds;
  IF region_ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM touch_revisions(NULL, NULL, ARRAY(SELECT id FROM cohorts WHERE region_id = ANY(region_ids) ORDER BY id), NULL, region_ids, true);
  RETURN NULL;
END $$`;

export class FollowUpChecks1796607060703 implements MigrationInterface {
  name = 'FollowUpChecks1796607060703';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role" CHECK (role IN ('admin', 'coordinator', 'clinic', 'doctor', 'supervisor'))`);
    await queryRunner.query(REGIONS_CHANGED);
    await queryRunner.query(`CREATE TRIGGER "tr_regions_revisions_update" AFTER UPDATE ON "regions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_revisions_changed"()`);
    for (const table of TABLES) {
      for (const [event, op, referencing] of EVENTS) {
        await queryRunner.query(`CREATE TRIGGER "tr_${table}_revisions_${event}" AFTER ${op} ON "${table}" ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION "revisions_changed"('true', 'doctor', 'doctor_id')`);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) for (const [event] of EVENTS) await queryRunner.query(`DROP TRIGGER "tr_${table}_revisions_${event}" ON "${table}"`);
    await queryRunner.query(`DROP TRIGGER "tr_regions_revisions_update" ON "regions"`);
    await queryRunner.query(`DROP FUNCTION "region_revisions_changed"()`);
    await queryRunner.query(`DELETE FROM "users" WHERE role = 'supervisor'`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role" CHECK (role IN ('admin', 'coordinator', 'clinic', 'doctor'))`);
  }
}
