import { Injectable } from '@nestjs/common';
import { AccessPolicy, cohortScope, groupScope, institutionScope, type Actor } from '@app/identity';
import { PreparedReads, pageSizeLiteral } from '@app/database';

export interface DigestTopic {
  id: string;
  title: string;
  spaceName: string;
  /** Null when the topic was started anonymously: the name never leaves the database then. */
  authorName: string | null;
  /** The anonymous author's pseudonym number in this topic (what peers see), else null. */
  authorPseudonym: number | null;
  /** Started since `since` (else it is an older topic with new posts). */
  isNew: boolean;
  /** Listed posts written since `since`. */
  newPosts: number;
}

/**
 * What the email digest shows of the forum, read for one person at build time with their current scopes. The
 * visibility rules are the topic list's (readable space, not unlisted or archived, first post not awaiting
 * approval), plus the person's own choices: nothing they muted, nothing they already read in the app.
 */
@Injectable()
export class ForumDigestSource {
  constructor(private readonly reads: PreparedReads) {}

  /**
   * New and active topics since `since`: the person's cohort and group spaces first, then their school's, then the
   * consortium's (then, for those who read everything, other schools'), most recent activity first within each.
   */
  topics(actor: Actor, since: Date, limit: number): Promise<DigestTopic[]> {
    const readable = AccessPolicy.readableScopes(actor);
    const own = [...actor.cohortIds.map(cohortScope), ...actor.groupIds.map(groupScope)];
    const school = actor.institutionId ? institutionScope(actor.institutionId) : null;
    // The ranking reads only cheap columns; names, pseudonyms and post counts are looked up for the few chosen rows.
    // Planning this costs more than running it, and a digest run asks it 10,000 times: a prepared read with its generic
    // plan, outside the digest's transaction (it reads other people's committed posts, nothing that transaction writes).
    return this.reads.rows<DigestTopic>(
      `WITH chosen AS (
         SELECT t.id, t.bumped_at,
                CASE WHEN s.scope_key = ANY($5::text[]) THEN 0 WHEN s.scope_key = $6 THEN 1 WHEN s.scope_key = 'consortium' THEN 2 ELSE 3 END AS rank
           FROM topic t JOIN space s ON s.id = t.space_id
           LEFT JOIN topic_read r ON r.topic_id = t.id AND r.user_id = $1
          WHERE ($2::boolean OR s.scope_key = ANY($3::text[]))
            AND NOT t.unlisted AND NOT t.archived
            AND t.bumped_at > $4
            AND (r.last_read_post_number IS NULL OR r.last_read_post_number < t.last_listed_post_number)
            AND NOT EXISTS (SELECT 1 FROM post p1 WHERE p1.topic_id = t.id AND p1.post_number = 1 AND p1.status = 'pending')
            AND NOT EXISTS (SELECT 1 FROM subscription m WHERE m.user_id = $1 AND m.level = 'muted'
                  AND ((m.target_type = 'topic' AND m.target_id = t.id) OR (m.target_type = 'space' AND m.target_id = t.space_id)))
          ORDER BY rank, t.bumped_at DESC, t.id DESC
          LIMIT ${pageSizeLiteral(limit)})
       SELECT t.id, t.title, s.name AS "spaceName",
              CASE WHEN t.anonymous THEN NULL ELSE u.display_name END AS "authorName",
              CASE WHEN t.anonymous
                THEN (SELECT p.number FROM topic_pseudonym p WHERE p.topic_id = t.id AND p.user_id = t.author_id) END AS "authorPseudonym",
              t.created_at > $4 AS "isNew",
              (SELECT count(*)::int FROM post p WHERE p.topic_id = t.id AND p.status = 'visible' AND p.created_at > $4) AS "newPosts"
         FROM chosen c JOIN topic t ON t.id = c.id JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = t.author_id
        ORDER BY c.rank, c.bumped_at DESC, c.id DESC`,
      [actor.userId, readable.everything, readable.keys, since, own, school],
    );
  }
}
