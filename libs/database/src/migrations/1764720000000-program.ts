import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE_KEY_CHECK = `~ '^(consortium|(inst|cohort|group):[0-9a-f-]{36})$'`;
/** The spheres of a school that an anti-racism effort or a change target works in. */
const SPHERES = `'curriculum', 'admissions', 'learning_environment', 'clinical_care', 'research', 'workforce', 'community', 'governance'`;
const OLD_KINDS = `'mentioned', 'replied', 'quoted', 'reacted', 'watching', 'room_invited', 'room_starting', 'report_status',
  'article_needs_review', 'review_requested', 'answer_marked', 'bookmark_reminder'`;
const KINDS = `${OLD_KINDS}, 'program_item_overdue', 'session_reminder'`;

/** The six phases as the program defines them; admins may edit them later. */
export const PROGRAM_PHASES: [number, string, string, string[]][] = [
  [1, 'Onboarding & readiness assessment', 'Form the cohort, take the individual and school readiness assessments, and map what the school already does.',
    ['Every cohort member takes the individual readiness assessment', 'The school-level readiness assessment is answered', 'The landscape inventory is drafted']],
  [2, 'Preparing for change', 'Build a shared language for racism in medicine and the history behind it; agree how the cohort will work together.',
    ['Shared definitions and community agreements', 'A first picture of where change is needed']],
  [3, 'Creating a climate for change', 'Chats for Change across the school, and a guiding coalition with a mandate.',
    ['Chats for Change held with students, staff and faculty', 'A guiding coalition with a chair and one-year terms']],
  [4, 'Engaging & enabling the institution', 'Change targets, tactical plans, and the indicators that show whether they work; team learning labs.',
    ['SMART change targets with owners', 'A tactical plan and indicators per target', 'Baselines measured']],
  [5, 'Implementing & sustaining change', 'Carry the plans out, measure, celebrate short-term wins and correct course in the open.',
    ['Measurements recorded on schedule', 'Short-term wins shared', 'Course corrections written down']],
  [6, 'Building a community of practice', 'Capture what worked for other schools: the knowledge-management cycle, site visits and the conference.',
    ['Stories and tools published to the knowledge base', 'A site visit hosted or made', 'A conference contribution']],
];

/**
 * The program: phases, the learning path and progress, sessions and the calendar, readiness assessments and the
 * landscape inventory, guiding-coalition terms, change targets with their plans, indicators, measurements, wins and
 * course corrections. Phases stay numbered 1–6, the number the forum, chat and knowledge base already carry.
 */
export class Program1764720000000 implements MigrationInterface {
  name = 'Program1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Whether a school may be named to other schools in comparisons and the consortium view.
      ALTER TABLE institution ADD COLUMN named_to_peers boolean NOT NULL DEFAULT false;

      CREATE TABLE program_phase (
        number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 6),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        goals text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE program_module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase smallint NOT NULL REFERENCES program_phase(number),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX program_module_phase_idx ON program_module (phase, position, id);

      -- Readiness instruments: a version's sections and items are one JSON document, frozen once published.
      CREATE TABLE assessment_instrument (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('individual_readiness', 'school_readiness')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE assessment_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instrument_id uuid NOT NULL REFERENCES assessment_instrument(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
        -- [{ key, title, items: [{ key, type: likert|single|multiple|text, prompt, options?, required }] }]
        sections jsonb NOT NULL DEFAULT '[]',
        published_at timestamptz,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (instrument_id, version)
      );
      CREATE UNIQUE INDEX assessment_version_one_published ON assessment_version (instrument_id) WHERE status = 'published';

      -- Published versions are immutable whatever path writes to them: only the move to retired is allowed.
      CREATE FUNCTION assessment_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.sections IS DISTINCT FROM OLD.sections OR NEW.version <> OLD.version
            OR NEW.instrument_id <> OLD.instrument_id OR (OLD.status = 'retired' AND NEW.status <> 'retired')
            OR (OLD.status = 'published' AND NEW.status NOT IN ('published', 'retired'))) THEN
          RAISE EXCEPTION 'assessment version % is % and cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER assessment_version_frozen BEFORE UPDATE ON assessment_version
        FOR EACH ROW EXECUTE FUNCTION assessment_version_frozen();

      CREATE TABLE assessment_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES assessment_version(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        -- The respondent's school when they answered: school results aggregate by it.
        institution_id uuid REFERENCES institution(id) ON DELETE CASCADE,
        -- 'member' or 'leadership' (a school lead, or school_role leadership), for school-level readiness.
        respondent_role text NOT NULL DEFAULT 'member' CHECK (respondent_role IN ('member', 'leadership')),
        answers jsonb NOT NULL,
        -- { overall: number|null, sections: { <sectionKey>: number|null } } from the Likert items, 1–5.
        scores jsonb NOT NULL,
        overall_score numeric(4, 2),
        submitted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX assessment_response_user_idx ON assessment_response (user_id, submitted_at DESC);
      CREATE INDEX assessment_response_school_idx ON assessment_response (institution_id, version_id, submitted_at);

      -- The school's existing anti-racism efforts.
      CREATE TABLE landscape_effort (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        sphere text NOT NULL CHECK (sphere IN (${SPHERES})),
        started_on date,
        status text NOT NULL CHECK (status IN ('planned', 'active', 'paused', 'ended')),
        effectiveness_evidence text NOT NULL DEFAULT '' CHECK (length(effectiveness_evidence) <= 5000),
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX landscape_effort_school_idx ON landscape_effort (institution_id, created_at);

      CREATE TABLE program_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES program_module(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('video', 'reading', 'activity', 'assessment')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        required boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0,
        video_url text CHECK (length(video_url) <= 2000),
        -- Video transcript or notes, reading notes, activity instructions: Markdown, rendered on write.
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 50000),
        body_html text NOT NULL DEFAULT '',
        article_id uuid REFERENCES kb_article(id) ON DELETE SET NULL,
        link_url text CHECK (length(link_url) <= 2000),
        instrument_id uuid REFERENCES assessment_instrument(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'video' OR video_url IS NOT NULL),
        CHECK (kind <> 'reading' OR article_id IS NOT NULL OR link_url IS NOT NULL),
        CHECK (kind <> 'assessment' OR instrument_id IS NOT NULL)
      );
      CREATE INDEX program_item_module_idx ON program_item (module_id, position, id);

      CREATE TABLE program_progress (
        item_id uuid NOT NULL REFERENCES program_item(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('in_progress', 'done')),
        -- An activity's written response: seen by the member's cohort facilitators, and by the cohort if shared.
        response text CHECK (length(response) <= 20000),
        response_html text,
        shared_with_cohort boolean NOT NULL DEFAULT false,
        assessment_response_id uuid REFERENCES assessment_response(id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, item_id),
        CHECK ((status = 'done') = (completed_at IS NOT NULL))
      );
      CREATE INDEX program_progress_item_idx ON program_progress (item_id);

      -- Where a cohort is in the program (null: not started), set by facilitators, and each phase's dates.
      ALTER TABLE cohort ADD COLUMN current_phase smallint REFERENCES program_phase(number);
      CREATE TABLE cohort_phase_dates (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        phase smallint NOT NULL REFERENCES program_phase(number),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        PRIMARY KEY (cohort_id, phase),
        CHECK (ends_on >= starts_on)
      );

      CREATE TABLE program_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('dialogue_framing', 'coaching', 'community_of_practice', 'chats_for_change', 'site_visit', 'conference')),
        phase smallint REFERENCES program_phase(number),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        -- The IANA zone the organisers planned in: what the calendar and the .ics show the time in.
        time_zone text NOT NULL,
        -- The audience.
        scope_key text NOT NULL CHECK (scope_key ${SCOPE_KEY_CHECK}),
        join_url text CHECK (length(join_url) <= 2000),
        location text CHECK (length(location) <= 500),
        agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 20000),
        agenda_html text NOT NULL DEFAULT '',
        -- Chats for Change: the linked dialogue room.
        room_id uuid REFERENCES chat_room(id) ON DELETE SET NULL,
        -- A conference's sub-sessions.
        parent_id uuid REFERENCES program_session(id) ON DELETE CASCADE,
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 50000),
        notes_article_id uuid REFERENCES kb_article(id) ON DELETE SET NULL,
        cancelled_at timestamptz,
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX program_session_scope_time_idx ON program_session (scope_key, starts_at);
      CREATE INDEX program_session_time_idx ON program_session (starts_at);
      CREATE INDEX program_session_parent_idx ON program_session (parent_id) WHERE parent_id IS NOT NULL;

      CREATE TABLE program_session_facilitator (
        session_id uuid NOT NULL REFERENCES program_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, user_id)
      );
      CREATE INDEX program_session_facilitator_user_idx ON program_session_facilitator (user_id);

      -- Pre-work: learning-path items and knowledge articles, in order.
      CREATE TABLE program_session_prework (
        session_id uuid NOT NULL REFERENCES program_session(id) ON DELETE CASCADE,
        position integer NOT NULL,
        item_id uuid REFERENCES program_item(id) ON DELETE CASCADE,
        article_id uuid REFERENCES kb_article(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, position),
        CHECK ((item_id IS NULL) <> (article_id IS NULL))
      );

      CREATE TABLE program_session_rsvp (
        session_id uuid NOT NULL REFERENCES program_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        answer text NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      );
      CREATE INDEX program_session_rsvp_user_idx ON program_session_rsvp (user_id);

      CREATE TABLE program_session_attendance (
        session_id uuid NOT NULL REFERENCES program_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        attended boolean NOT NULL,
        recorded_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      );

      -- A person's iCalendar feed: the secret is in the URL, so only its hash is kept.
      CREATE TABLE calendar_feed (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- Guiding coalition: a group of kind guiding_coalition whose members serve one-year terms, one of them chair.
      ALTER TABLE group_member ADD COLUMN term_starts_on date, ADD COLUMN term_ends_on date,
        ADD COLUMN chair boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT group_member_term_check CHECK ((term_starts_on IS NULL) = (term_ends_on IS NULL) AND (term_ends_on IS NULL OR term_ends_on > term_starts_on));
      CREATE UNIQUE INDEX group_member_one_chair ON group_member (group_id) WHERE chair;

      CREATE TABLE change_target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
        owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        sphere text NOT NULL CHECK (sphere IN (${SPHERES})),
        category text NOT NULL CHECK (category IN ('structural', 'relational', 'transformative')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'on_hold', 'achieved', 'dropped')),
        starts_on date NOT NULL,
        due_on date NOT NULL,
        -- The tactical plan's free-text parts (Markdown); its steps are rows of change_step.
        stakeholder_analysis text NOT NULL DEFAULT '' CHECK (length(stakeholder_analysis) <= 20000),
        success_factors text NOT NULL DEFAULT '' CHECK (length(success_factors) <= 20000),
        communications_plan text NOT NULL DEFAULT '' CHECK (length(communications_plan) <= 20000),
        student_feedback_loop text NOT NULL DEFAULT '' CHECK (length(student_feedback_loop) <= 20000),
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (due_on >= starts_on)
      );
      CREATE INDEX change_target_school_idx ON change_target (institution_id, status);

      CREATE TABLE change_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL REFERENCES change_target(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        due_on date,
        done_at timestamptz,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX change_step_target_idx ON change_step (target_id, position);
      CREATE INDEX change_step_open_due_idx ON change_step (due_on) WHERE done_at IS NULL;

      CREATE TABLE change_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL REFERENCES change_target(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 40),
        baseline numeric NOT NULL,
        target_value numeric NOT NULL,
        direction text NOT NULL CHECK (direction IN ('increase', 'decrease')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX change_indicator_target_idx ON change_indicator (target_id);

      CREATE TABLE change_measurement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES change_indicator(id) ON DELETE CASCADE,
        measured_on date NOT NULL,
        value numeric NOT NULL,
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
        evidence_urls text[] NOT NULL DEFAULT '{}',
        recorded_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX change_measurement_indicator_idx ON change_measurement (indicator_id, measured_on, id);

      -- Short-term wins and course corrections; either may be shared to the community as a value-creation story.
      CREATE TABLE change_log_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL REFERENCES change_target(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('win', 'correction')),
        happened_on date NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        -- A win: what happened. A correction: what changed in the plan.
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
        -- A correction: why.
        reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 20000),
        shared_article_id uuid REFERENCES kb_article(id) ON DELETE SET NULL,
        recorded_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'correction' OR reason = '')
      );
      CREATE INDEX change_log_entry_target_idx ON change_log_entry (target_id, kind, happened_on DESC);

      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS}));
      ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_kind_check;
      ALTER TABLE notification_preference ADD CONSTRAINT notification_preference_kind_check CHECK (kind IN (${KINDS}));
    `);
    for (const [number, title, description, goals] of PROGRAM_PHASES) {
      await db.query('INSERT INTO program_phase (number, title, description, goals) VALUES ($1, $2, $3, $4)', [number, title, description, goals]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM notification WHERE kind IN ('program_item_overdue', 'session_reminder');
      DELETE FROM notification_preference WHERE kind IN ('program_item_overdue', 'session_reminder');
      ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_kind_check;
      ALTER TABLE notification_preference ADD CONSTRAINT notification_preference_kind_check CHECK (kind IN (${OLD_KINDS}));
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${OLD_KINDS}));
      DROP TABLE change_log_entry, change_measurement, change_indicator, change_step, change_target;
      DROP INDEX group_member_one_chair;
      ALTER TABLE group_member DROP CONSTRAINT group_member_term_check, DROP COLUMN chair, DROP COLUMN term_ends_on, DROP COLUMN term_starts_on;
      DROP TABLE calendar_feed, program_session_attendance, program_session_rsvp, program_session_prework,
        program_session_facilitator, program_session;
      DROP TABLE cohort_phase_dates;
      ALTER TABLE cohort DROP COLUMN current_phase;
      DROP TABLE program_progress, program_item, landscape_effort, assessment_response;
      DROP TRIGGER assessment_version_frozen ON assessment_version; DROP FUNCTION assessment_version_frozen();
      DROP TABLE assessment_version, assessment_instrument, program_module, program_phase;
      ALTER TABLE institution DROP COLUMN named_to_peers;
    `);
  }
}
