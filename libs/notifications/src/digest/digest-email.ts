import type { DigestRoom } from '@app/chat';
import { pseudonymLabel, type DigestTopic } from '@app/forum';
import type { DigestArticle, DigestOverdue, DigestReview } from '@app/knowledge';
import type { DigestPathItem } from '@app/program';
import type { EmailContent, EmailItem, EmailSection } from '../mail/render-email';
import { PLATFORM_NAME } from '../mail/mail-transport';
import { notificationText } from '../services/notification.presenter';
import type { DigestNotification } from './digest.repository';
import type { DigestPeriod } from './digest-period';

/** Everything one person's digest holds, each part already filtered by their scopes when it was read. */
export interface DigestItems {
  topics: DigestTopic[];
  notifications: DigestNotification[];
  articles: DigestArticle[];
  reviews: DigestReview[];
  overdue: DigestOverdue[];
  rooms: DigestRoom[];
  /** Required learning-path items past their cohort's phase end date. */
  pathOverdue: DigestPathItem[];
}

export interface DigestRecipient {
  displayName: string;
  timeZone: string;
}

export const topicPath = (id: string) => `/forum/t/${id}`;
export const articlePath = (id: string) => `/knowledge/a/${id}`;
export const roomPath = (id: string) => `/chat/r/${id}`;
export const pathItemPath = (id: string) => `/program/items/${id}`;

/**
 * Whether there is anything new since the last digest. Topics, notifications and articles are read "since" and so
 * are new by definition; review requests, overdue verifications and upcoming rooms are reminders that go along with
 * news but alone send nothing unless they changed since (or the digest would go out every period forever).
 */
export function hasNews(items: DigestItems): boolean {
  return (
    items.topics.length + items.notifications.length + items.articles.length > 0 ||
    [...items.reviews, ...items.overdue, ...items.rooms, ...items.pathOverdue].some((item) => item.isNew)
  );
}

export function itemCount(items: DigestItems): number {
  return Object.values(items).reduce((sum, list: unknown[]) => sum + list.length, 0);
}

const counted = (n: number, one: string, many = `${one}s`) => (n === 0 ? null : `${n} ${n === 1 ? one : many}`);

/** "Your ART Commons digest: 3 new topics, 1 mention, 2 articles and more": the first three things that are there. */
export function digestSubject(items: DigestItems): string {
  const newTopics = items.topics.filter((t) => t.isNew).length;
  const mentions = items.notifications.filter((n) => n.kind === 'mentioned').length;
  const parts = [
    counted(newTopics, 'new topic'),
    counted(items.topics.length - newTopics, 'active topic'),
    counted(mentions, 'mention'),
    counted(items.notifications.length - mentions, 'notification'),
    counted(items.articles.length, 'article'),
    counted(items.reviews.length, 'review request'),
    counted(items.overdue.length, 'overdue verification'),
    counted(items.rooms.length, 'upcoming room'),
    counted(items.pathOverdue.length, 'overdue learning item'),
  ].filter((part): part is string => part !== null);
  const shown = parts.slice(0, 3).join(', ');
  return `Your ${PLATFORM_NAME} digest: ${shown}${parts.length > 3 ? ' and more' : ''}`;
}

export function digestEmail(
  items: DigestItems,
  recipient: DigestRecipient,
  period: DigestPeriod,
  since: Date,
): { subject: string; content: EmailContent } {
  const when = dateFormats(recipient.timeZone);
  const sections: EmailSection[] = [
    { heading: 'New and active topics', items: items.topics.map(topicItem) },
    {
      heading: 'Mentions and updates for you',
      items: items.notifications.map((n) => ({ title: notificationText(n), url: n.url })),
    },
    {
      heading: 'Knowledge articles',
      items: items.articles.map((a) => ({
        title: a.title,
        url: articlePath(a.id),
        meta: a.isNew ? 'New' : 'Updated',
        excerpt: clip(a.summary),
      })),
    },
    {
      heading: 'Waiting for your review',
      items: items.reviews.map((a) => ({ title: a.title, url: articlePath(a.id), meta: 'Review requested' })),
    },
    {
      heading: 'Your articles due for verification',
      items: items.overdue.map((a) => ({
        title: a.title,
        url: articlePath(a.id),
        meta: `Due since ${when.date.format(a.dueAt)}`,
      })),
    },
    {
      heading: 'Overdue on your learning path',
      // A due date is a calendar day, the same in every zone: formatted as a UTC midnight, never shifted.
      items: items.pathOverdue.map((i) => ({ title: i.title, url: pathItemPath(i.id), meta: `Due ${dateFormats('UTC').date.format(new Date(`${i.dueOn}T00:00:00Z`))}` })),
    },
    {
      heading: 'Upcoming dialogue rooms',
      items: items.rooms.map((r) => ({
        title: r.title,
        url: roomPath(r.id),
        meta: `${when.dateTime.format(r.startsAt)} (${when.zone})`,
      })),
    },
  ].filter((section) => section.items.length > 0);
  return {
    subject: digestSubject(items),
    content: {
      heading: `Your ${period} digest`,
      intro: `Hello ${recipient.displayName}, here is what is new on ${PLATFORM_NAME} for you since ${when.date.format(since)}.`,
      sections,
      action: { label: `Open ${PLATFORM_NAME}`, url: '/' },
      footer: { reason: `You get this ${period} digest because of your notification settings on ${PLATFORM_NAME}.` },
    },
  };
}

/** Anonymous topics show the pseudonym peers see; the author's name was never read for them. */
function topicItem(topic: DigestTopic): EmailItem {
  const author = topic.authorName ?? (topic.authorPseudonym !== null ? pseudonymLabel(topic.authorPseudonym) : null);
  // A new topic's own opening post is not news of its own: it counts its replies; an older topic its new posts.
  const meta = topic.isNew
    ? [topic.spaceName, author ? `New topic by ${author}` : 'New topic', counted(topic.newPosts - 1, 'reply', 'replies')]
    : [topic.spaceName, counted(topic.newPosts, 'new post')];
  return { title: topic.title, url: topicPath(topic.id), meta: meta.filter(Boolean).join(' · ') };
}

const clip = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

type DateFormats = { zone: string; date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat };
/** Formatters are costly to make and there are few zones: one set per zone, kept (a digest run formats 10,000 mails). */
const formatsByZone = new Map<string, DateFormats>();

function dateFormats(timeZone: string): DateFormats {
  let formats = formatsByZone.get(timeZone);
  if (!formats) {
    formats = makeDateFormats(timeZone);
    if (formatsByZone.size < 1000) formatsByZone.set(timeZone, formats);
  }
  return formats;
}

/** Times in the person's own zone; a zone this runtime does not know falls back to UTC rather than failing the build. */
function makeDateFormats(timeZone: string): DateFormats {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  return {
    zone,
    date: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: zone }),
    dateTime: new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    }),
  };
}
