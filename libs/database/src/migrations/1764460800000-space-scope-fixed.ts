import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A space's scope decides who may read everything in it, and servers remember it (SpaceRepository's scope
 * memo). The database now holds the rule that makes that safe: the scope never changes and a space is never
 * deleted. Moving a conversation to another audience means a new space, never a widened or narrowed one.
 */
export class SpaceScopeFixed1764460800000 implements MigrationInterface {
  name = 'SpaceScopeFixed1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION space_scope_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'spaces are never deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.scope_key IS DISTINCT FROM OLD.scope_key THEN
          RAISE EXCEPTION 'a space keeps the scope it was created with' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER space_scope_is_fixed BEFORE UPDATE OF scope_key OR DELETE ON space
        FOR EACH ROW EXECUTE FUNCTION space_scope_is_fixed();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER space_scope_is_fixed ON space;
      DROP FUNCTION space_scope_is_fixed();
    `);
  }
}
