import { Injectable } from '@nestjs/common';
import { AccessPolicy, type Actor } from '@app/identity';
import { PreparedReads, pageSizeLiteral } from '@app/database';

export interface DigestRoom {
  id: string;
  title: string;
  startsAt: Date;
  /** Not in the previous digest's window: created since `since`, or starting after `since` + the window. */
  isNew: boolean;
}

export interface RoomDigestQuery {
  since: Date;
  now: Date;
  windowDays: number;
  limit: number;
}

/**
 * What the email digest shows of dialogue rooms, for one person at build time: main rooms they can see
 * (ChatPolicy.canSee for a main room is the scope check) starting within the window, not closed or archived,
 * and not rooms they were removed from.
 */
@Injectable()
export class ChatDigestSource {
  constructor(private readonly reads: PreparedReads) {}

  /** A prepared read (planned once per connection): a digest run asks this for every member. */
  upcomingRooms(actor: Actor, query: RoomDigestQuery): Promise<DigestRoom[]> {
    const readable = AccessPolicy.readableScopes(actor);
    return this.reads.rows<DigestRoom>(
      `SELECT r.id, r.title, r.starts_at AS "startsAt",
              (r.created_at > $4 OR r.starts_at > $4::timestamptz + make_interval(days => $6)) AS "isNew"
         FROM chat_room r
         LEFT JOIN chat_participant p ON p.room_id = r.id AND p.user_id = $1
        WHERE r.parent_id IS NULL AND ($2::boolean OR r.scope_key = ANY($3::text[]))
          AND r.state NOT IN ('closed', 'archived')
          AND r.starts_at > $5 AND r.starts_at <= $5::timestamptz + make_interval(days => $6)
          AND p.removed_at IS NULL
        ORDER BY r.starts_at, r.id LIMIT ${pageSizeLiteral(query.limit)}`,
      [actor.userId, readable.everything, readable.keys, query.since, query.now, query.windowDays],
    );
  }
}
