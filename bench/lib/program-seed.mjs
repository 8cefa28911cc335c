// Change-program data at the scale of the program issue, written straight into the bench database after the app
// migrated it: 30 schools (a third of them named to peers), 3,000 members in two cohorts per school, a guiding
// coalition per school, 5 change targets × 2 indicators per school with a year of weekly measurements (15,600), plan
// steps (some overdue), wins and corrections. Set-based SQL: one INSERT … SELECT per table, whatever the scale.
import { createHash, randomBytes } from 'node:crypto';

const EMAIL_DOMAIN = 'program.bench.art-commons.test';
const SPHERES = ['curriculum', 'admissions', 'learning_environment', 'clinical_care', 'research', 'workforce', 'community', 'governance'];
const TARGETS_PER_SCHOOL = 5;
const WEEKS = 52;

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * Seeds the program's schools and answers what a load needs: the school ids (in order), and per school its lead and
 * one plain member, each with a live session (`artc_session=<token>`), plus the schools named to peers.
 * `client` is a connected `pg` Client on the bench database.
 */
export async function seedProgram(client, { schools = 30, membersPerSchool = 100, log = () => {} } = {}) {
  if (membersPerSchool < 10) throw new Error('program seed: at least 10 members per school (a lead, a coalition, owners)');
  const run = randomBytes(3).toString('hex');
  const timed = async (name, work) => {
    const started = performance.now();
    const result = await work();
    log(`program seed: ${name} in ${Math.round(performance.now() - started)} ms`);
    return result;
  };
  await client.query('SET synchronous_commit = off');

  // Schools: every third one opted in to be named in the consortium view.
  const schoolIds = await timed('schools', async () =>
    (
      await client.query(
        `INSERT INTO institution (name, slug, description, named_to_peers)
         SELECT 'Program School ' || n || ' (' || $2 || ')', 'program-school-' || n || '-' || $2, 'A school seeded by the program bench.', n % 3 = 0
         FROM generate_series(1, $1::int) AS n ORDER BY n RETURNING id`,
        [schools, run],
      )
    ).rows.map((r) => r.id),
  );

  // Two cohorts per school, at different phases (the second one not started at every fourth school).
  const cohorts = await timed('cohorts', async () => {
    await client.query(
      `INSERT INTO cohort (institution_id, name, program_year, current_phase)
       SELECT s.id, 'Cohort ' || c, 2026, CASE WHEN c = 2 AND s.n % 4 = 0 THEN NULL ELSE 1 + (s.n + c) % 6 END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, n), generate_series(1, 2) AS c`,
      [schoolIds],
    );
    return (await client.query('SELECT id, institution_id FROM cohort WHERE institution_id = ANY($1) ORDER BY institution_id, name', [schoolIds])).rows;
  });

  // Person k of school s is number s * membersPerSchool + k; person 0 of each school is its lead.
  const userCount = schools * membersPerSchool;
  const userIds = await timed('members', async () => {
    const ids = (
      await client.query(
        `INSERT INTO app_user (email, display_name, school_role, institution_id, school_lead)
         SELECT 'program.' || $4 || '.' || n || '@${EMAIL_DOMAIN}', 'Program Person ' || n,
           (ARRAY['student', 'staff', 'faculty', 'leadership'])[1 + n % 4], ($1::uuid[])[1 + n / $2], n % $2 = 0
         FROM generate_series(0, $3::int - 1) AS n ORDER BY n RETURNING id`,
        [schoolIds, membersPerSchool, userCount, run],
      )
    ).rows.map((r) => r.id);
    await client.query(
      `INSERT INTO cohort_member (cohort_id, user_id)
       SELECT c.id, u.id FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)
       JOIN LATERAL (SELECT id FROM cohort WHERE institution_id = ($2::uuid[])[1 + (u.n - 1) / $3] ORDER BY name
                     OFFSET (u.n - 1) % 2 LIMIT 1) c ON true`,
      [ids, schoolIds, membersPerSchool],
    );
    return ids;
  });
  const personSql = (k) => `($2::uuid[])[1 + (s.n - 1) * $3 + (${k})]`;

  // A guiding coalition per school: persons 1..6, one-year terms started 100 days ago, person 1 chairs.
  await timed('coalitions', async () => {
    await client.query(
      `INSERT INTO "group" (institution_id, name, kind, description)
       SELECT id, 'Guiding coalition', 'guiding_coalition', 'Seeded by the program bench.' FROM unnest($1::uuid[]) AS s(id)`,
      [schoolIds],
    );
    await client.query(
      `INSERT INTO group_member (group_id, user_id, term_starts_on, term_ends_on, chair)
       SELECT g.id, ${personSql('k')}, current_date - 100, (current_date - 100 + interval '1 year')::date, k = 1
       FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, n) JOIN "group" g ON g.institution_id = s.id AND g.kind = 'guiding_coalition',
         generate_series(1, 6) AS k`,
      [schoolIds, userIds, membersPerSchool],
    );
  });

  // Five targets per school, started a year ago, owned by persons 1..5, in every status and category.
  await timed('targets', () =>
    client.query(
      `INSERT INTO change_target (institution_id, title, description, owner_id, sphere, category, status, starts_on, due_on,
         stakeholder_analysis, success_factors, communications_plan, student_feedback_loop, created_by_id)
       SELECT s.id, 'Change target ' || k || ' of school ' || s.n, 'A SMART target seeded by the bench.', ${personSql('k')},
         ($4::text[])[1 + (s.n + k) % array_length($4::text[], 1)], (ARRAY['structural', 'relational', 'transformative'])[1 + k % 3],
         (ARRAY['in_progress', 'in_progress', 'planned', 'achieved', 'on_hold'])[k], current_date - 365, current_date + 180 + k * 30,
         'Who decides, who is affected.', 'What must hold.', 'Monthly updates to the school.', 'A termly student panel.', ${personSql('0')}
       FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, n), generate_series(1, ${TARGETS_PER_SCHOOL}) AS k`,
      [schoolIds, userIds, membersPerSchool, SPHERES],
    ),
  );
  const targetsSql = 'SELECT t.id, t.institution_id FROM change_target t WHERE t.institution_id = ANY($1::uuid[])';

  // Two indicators per target (one rising, one falling) and a year of weekly measurements each, drifting toward target.
  await timed('indicators and measurements', async () => {
    await client.query(
      `INSERT INTO change_indicator (target_id, name, unit, baseline, target_value, direction)
       SELECT t.id, x.name, x.unit, x.baseline, x.target_value, x.direction FROM (${targetsSql}) t,
         (VALUES ('Teaching cases reviewed', '%', 20, 90, 'increase'), ('Reported incidents', 'reports', 30, 10, 'decrease'))
           AS x(name, unit, baseline, target_value, direction)`,
      [schoolIds],
    );
    await client.query(
      `INSERT INTO change_measurement (indicator_id, measured_on, value, note, recorded_by_id)
       SELECT i.id, current_date - 7 * (${WEEKS - 1} - w), round((i.baseline + (i.target_value - i.baseline) * w / ${WEEKS}.0 * (0.5 + random() * 0.6))::numeric, 1),
         'Weekly figure', t.owner_id
       FROM change_indicator i JOIN change_target t ON t.id = i.target_id, generate_series(0, ${WEEKS - 1}) AS w
       WHERE t.institution_id = ANY($1::uuid[])`,
      [schoolIds],
    );
  });

  // Four steps per target: two done, one overdue, one due later; three wins and a correction per target.
  await timed('steps, wins and corrections', async () => {
    await client.query(
      `INSERT INTO change_step (target_id, title, owner_id, due_on, done_at, position)
       SELECT t.id, 'Step ' || k, t.owner_id, current_date + (k - 3) * 20 - 5, CASE WHEN k <= 2 THEN now() - interval '30 days' END, k
       FROM change_target t, generate_series(1, 4) AS k WHERE t.institution_id = ANY($1::uuid[])`,
      [schoolIds],
    );
    await client.query(
      `INSERT INTO change_log_entry (target_id, kind, happened_on, title, body, reason, recorded_by_id)
       SELECT t.id, CASE WHEN k = 4 THEN 'correction' ELSE 'win' END, current_date - k * 35,
         CASE WHEN k = 4 THEN 'Course correction' ELSE 'Short-term win ' || k END, 'What happened, in a few sentences.',
         CASE WHEN k = 4 THEN 'Why the plan changed.' ELSE '' END, t.owner_id
       FROM change_target t, generate_series(1, 4) AS k WHERE t.institution_id = ANY($1::uuid[])`,
      [schoolIds],
    );
  });

  // A live session for each school's lead and for one plain member (person 10) of each school.
  const signedIn = await timed('sessions', async () => {
    const people = schoolIds.flatMap((schoolId, s) => [
      { role: 'lead', schoolId, userId: userIds[s * membersPerSchool], n: s * membersPerSchool },
      { role: 'member', schoolId, userId: userIds[s * membersPerSchool + 10], n: s * membersPerSchool + 10 },
    ]);
    for (const p of people) {
      p.email = `program.${run}.${p.n}@${EMAIL_DOMAIN}`;
      p.token = `as_program${p.n}_${randomBytes(24).toString('base64url')}`;
    }
    await client.query(
      `INSERT INTO user_session (user_id, token_hash, expires_at)
       SELECT u, h, now() + interval '30 days' FROM unnest($1::uuid[], $2::text[]) AS x(u, h)`,
      [people.map((p) => p.userId), people.map((p) => sha256(p.token))],
    );
    return people.map(({ role, schoolId, userId, email, token }) => ({ role, schoolId, userId, email, token }));
  });

  await timed('analyze', () =>
    client.query('ANALYZE institution, cohort, app_user, cohort_member, "group", group_member, change_target, change_indicator, change_measurement, change_step, change_log_entry'),
  );

  const leads = signedIn.filter((p) => p.role === 'lead');
  return {
    schoolIds,
    namedSchoolIds: schoolIds.filter((_, i) => (i + 1) % 3 === 0),
    cohortIds: cohorts.map((c) => c.id),
    leads,
    members: signedIn.filter((p) => p.role === 'member'),
    leadIds: leads.map((p) => p.userId),
    leadEmails: leads.map((p) => p.email),
  };
}
