// Written by hand, like PublishedPlansImmutable: the assignments' guard checks each statement
// once (over its transition tables) instead of once per row. An edit rewrites a whole plan's
// ~1,200 assignments; a row trigger did ~1,200 plan lookups for it. Same rule, same SQLSTATE.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROW_FUNCTION = `CREATE FUNCTION "assignments_keep_published"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plan record;
BEGIN
  FOR plan IN SELECT number, status FROM plans
               WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.plan_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.plan_id END)
               FOR SHARE
  LOOP
    IF plan.status <> 'draft' THEN
      RAISE EXCEPTION 'plan % is %: a published plan cannot be changed', plan.number, plan.status
        USING ERRCODE = 'ZP001', HINT = 'make a new draft from it instead';
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$`;

export class PublishedPlansStatementTrigger1795946000000 implements MigrationInterface {
  name = 'PublishedPlansStatementTrigger1795946000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_assignments_keep_published" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "assignments_keep_published"()`);
    // The plans touched are locked FOR SHARE before their status is read, as before: a publish
    // of the same plan at the same time is waited for, and its new status is what counts.
    // A statement reads only the transition tables its event has (plpgsql plans each branch when
    // it first runs, so the others may name tables this trigger lacks).
    await queryRunner.query(`CREATE FUNCTION "assignments_keep_published"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  plan record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT plan_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT plan_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT plan_id) INTO ids FROM (SELECT plan_id FROM old_rows UNION SELECT plan_id FROM new_rows) changed;
  END IF;
  FOR plan IN SELECT number, status FROM plans WHERE id = ANY(ids) FOR SHARE LOOP
    IF plan.status <> 'draft' THEN
      RAISE EXCEPTION 'plan % is %: a published plan cannot be changed', plan.number, plan.status
        USING ERRCODE = 'ZP001', HINT = 'make a new draft from it instead';
    END IF;
  END LOOP;
  RETURN NULL;
END $$`);
    // A transition table exists only for its own event, so each event has its trigger; the
    // names are the function's (old_rows, new_rows).
    await queryRunner.query(
      `CREATE TRIGGER "tr_assignments_keep_published_insert" AFTER INSERT ON "assignments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assignments_keep_published"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_assignments_keep_published_update" AFTER UPDATE ON "assignments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assignments_keep_published"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_assignments_keep_published_delete" AFTER DELETE ON "assignments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "assignments_keep_published"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "tr_assignments_keep_published_${event}" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "assignments_keep_published"()`);
    await queryRunner.query(ROW_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER "tr_assignments_keep_published" BEFORE INSERT OR UPDATE OR DELETE ON "assignments" FOR EACH ROW EXECUTE FUNCTION "assignments_keep_published"()`,
    );
  }
}
