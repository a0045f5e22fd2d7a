// Written by hand: the generator does not diff CHECK constraints or triggers.
//  - users may have the role 'supervisor' (handledare);
//  - assessments and placement supervisors are shown in the doctor's calendar, so they raise its
//    revisions like absences do (see RevisionTriggers).
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['assessments', 'placement_supervisors'];
const EVENTS = [
  ['insert', 'INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['update', 'UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'DELETE', 'REFERENCING OLD TABLE AS old_rows'],
] as const;

export class FollowUpChecks1796607060703 implements MigrationInterface {
  name = 'FollowUpChecks1796607060703';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role" CHECK (role IN ('admin', 'coordinator', 'clinic', 'doctor', 'supervisor'))`);
    for (const table of TABLES) {
      for (const [event, op, referencing] of EVENTS) {
        await queryRunner.query(`CREATE TRIGGER "tr_${table}_revisions_${event}" AFTER ${op} ON "${table}" ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION "revisions_changed"('true', 'doctor', 'doctor_id')`);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) for (const [event] of EVENTS) await queryRunner.query(`DROP TRIGGER "tr_${table}_revisions_${event}" ON "${table}"`);
    await queryRunner.query(`DELETE FROM "users" WHERE role = 'supervisor'`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role" CHECK (role IN ('admin', 'coordinator', 'clinic', 'doctor'))`);
  }
}
