import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, decodeCursor, notFound, toPage, type AppConfig } from '@app/core';
import { AccessPolicy, ActorRepository, cohortScope, type Actor } from '@app/identity';
import { writeCalendar } from '../ical/ical-writer';
import { SessionPolicy } from '../policy/session-policy';
import { icsFileName, presentSessionSummary, toIcsEvent } from '../presenters';
import { CalendarRepository, type CalendarRow, type CalendarView } from '../repositories';
import { SessionAccess } from './session-access.service';
import { invalid } from './session-input';

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 400;
/** What a subscribed calendar holds: a month of history and the year ahead. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 365;
const FEED_MAX_EVENTS = 2000;
const FEED_SECRET = 'calendar-feed';
/** A token is 32 bytes of HMAC in base64url; anything else is refused before any lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface CalendarListQuery {
  view?: CalendarView;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The calendar views, the .ics downloads and the secret per-person feed. A feed URL is derived from a platform secret
 * and the feed's creation time (HMAC), and only its SHA-256 is stored: the URL can be shown again to its owner, a
 * leaked table reveals no URL, and rotating (a new creation time) makes the old URL stop working.
 */
@Injectable()
export class CalendarService {
  private secret: Promise<string> | null = null;

  constructor(
    private readonly calendar: CalendarRepository,
    private readonly access: SessionAccess,
    private readonly actors: ActorRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: CalendarListQuery) {
    const view = query.view ?? 'mine';
    const { from, to } = this.range(query.from, query.to);
    const limit = query.limit ?? 200;
    const rows = await this.rows(actor, view, from, to, limit + 1, decodeCursor(query.cursor));
    const page = toPage(
      rows,
      limit,
      (s) => ({ key: new Date(s.startsAt).toISOString(), id: s.id }),
      (s) => presentSessionSummary(s, s.myAnswer),
    );
    return { view, from: from.toISOString(), to: to.toISOString(), ...page };
  }

  async feed(actor: Actor) {
    const existing = await this.calendar.feedOf(actor.userId);
    if (existing) return this.feedUrls(await this.token(actor.userId, new Date(existing.createdAt)));
    const createdAt = this.clock.now();
    await this.calendar.saveFeed(actor.userId, sha256(await this.token(actor.userId, createdAt)), createdAt, false);
    // Another request may have made the first feed meanwhile: read back whichever was kept.
    const kept = await this.calendar.feedOf(actor.userId);
    return this.feedUrls(await this.token(actor.userId, new Date(kept!.createdAt)));
  }

  /** A new URL; the old one stops working at once. */
  async rotate(actor: Actor) {
    const existing = await this.calendar.feedOf(actor.userId);
    let createdAt = this.clock.now();
    // Derived from the creation time: the same millisecond would give the same URL.
    if (existing && new Date(existing.createdAt).getTime() >= createdAt.getTime())
      createdAt = new Date(new Date(existing.createdAt).getTime() + 1);
    const token = await this.token(actor.userId, createdAt);
    await this.calendar.saveFeed(actor.userId, sha256(token), createdAt, true);
    return this.feedUrls(token);
  }

  /**
   * The public feed (no sign-in: calendar apps cannot sign in). An unknown token, or one of a person no longer
   * active, is a 404. What it lists is checked against the person's scopes as they are now.
   */
  async feedCalendar(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw notFound();
    const userId = await this.calendar.userByFeedHash(sha256(token));
    const person = userId ? await this.actors.byUserId(userId) : null;
    if (!person) throw notFound();
    const now = this.clock.now();
    const rows = await this.rows(
      person,
      'mine',
      new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
      new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS),
      FEED_MAX_EVENTS,
    );
    return writeCalendar({
      name: 'ART Commons: my sessions',
      events: rows.map((row) => toIcsEvent(row, this.config.publicUrl, now)),
    });
  }

  /** One session as a file to import. */
  async sessionCalendar(actor: Actor, sessionId: string): Promise<{ fileName: string; body: string }> {
    const { session } = await this.access.readable(actor, sessionId);
    return {
      fileName: icsFileName(session.title),
      body: writeCalendar({ events: [toIcsEvent(session, this.config.publicUrl, this.clock.now())] }),
    };
  }

  private rows(
    actor: Actor,
    view: CalendarView,
    from: Date,
    to: Date,
    limit: number,
    after?: { key: string; id: string },
  ): Promise<CalendarRow[]> {
    const readable = AccessPolicy.readableScopes(actor);
    const cohorts = [...new Set([...actor.cohortIds, ...actor.ledCohortIds])].map(cohortScope);
    return this.calendar.sessions({
      view,
      userId: actor.userId,
      readable,
      scopes: view === 'mine' ? SessionPolicy.memberScopes(actor) : view === 'cohort' ? cohorts : [],
      allCohorts: view === 'cohort' && readable.everything,
      from,
      to,
      after,
      limit,
    });
  }

  /** Dates ('YYYY-MM-DD', midnight UTC) or date-times; by default this calendar month in UTC. */
  private range(fromText?: string, toText?: string): { from: Date; to: Date } {
    const now = this.clock.now();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const from = fromText ? new Date(fromText) : monthStart;
    const to = toText ? new Date(toText) : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    if (Number.isNaN(from.getTime())) throw invalid('from', 'must be a date');
    if (Number.isNaN(to.getTime())) throw invalid('to', 'must be a date');
    if (to.getTime() <= from.getTime()) throw invalid('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw invalid('to', `must be within ${MAX_RANGE_DAYS} days of from`);
    return { from, to };
  }

  private async token(userId: string, createdAt: Date): Promise<string> {
    this.secret ??= this.calendar.secret(FEED_SECRET, () => randomBytes(32).toString('base64url'));
    const secret = await this.secret.catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return createHmac('sha256', secret).update(`${userId}:${createdAt.getTime()}`).digest('base64url');
  }

  private feedUrls(token: string) {
    const url = `${this.config.publicUrl}/api/v1/calendar/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }
}
