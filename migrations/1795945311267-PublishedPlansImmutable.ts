// Written by hand: entities cannot express triggers, so `migration:generate` never sees these.
// A published or archived plan is the record of what was sent out as calendars: the database
// itself refuses to change it, whatever code (or person with psql) tries. The only change
// allowed is published → archived; SQLSTATE ZP001 is mapped to 409 by server/http/error-mapper.ts.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublishedPlansImmutable1795945311267 implements MigrationInterface {
  name = 'PublishedPlansImmutable1795945311267';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "plans_keep_published"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' AND TG_OP = 'DELETE' THEN
    RETURN OLD;
  ELSIF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  -- Archiving a published plan: only the status (and the optimistic-lock version) may change.
  IF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status = 'archived'
     AND to_jsonb(NEW) - 'status' - 'version' = to_jsonb(OLD) - 'status' - 'version' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'plan % is %: a published plan cannot be changed', OLD.number, OLD.status
    USING ERRCODE = 'ZP001', HINT = 'make a new draft from it instead';
END $$`);
    await queryRunner.query(`CREATE TRIGGER "tr_plans_keep_published" BEFORE UPDATE OR DELETE ON "plans" FOR EACH ROW EXECUTE FUNCTION "plans_keep_published"()`);
    // The plan row is locked FOR SHARE before its status is read: a publish of the same plan
    // running at the same time is waited for, and its new status is what counts.
    await queryRunner.query(`CREATE FUNCTION "assignments_keep_published"() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_assignments_keep_published" BEFORE INSERT OR UPDATE OR DELETE ON "assignments" FOR EACH ROW EXECUTE FUNCTION "assignments_keep_published"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_assignments_keep_published" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION "assignments_keep_published"()`);
    await queryRunner.query(`DROP TRIGGER "tr_plans_keep_published" ON "plans"`);
    await queryRunner.query(`DROP FUNCTION "plans_keep_published"()`);
  }
}
