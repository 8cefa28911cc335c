/**
 * Every job the platform runs, by name. Payloads carry ids, never content: a processor reads the current state
 * (and the access policy) when it runs, so a retried or late job never acts on stale or leaked data.
 */
export const JobName = {
  SearchDrain: 'search.drain',
  ChatRetention: 'chat.retention',
  NotifyPost: 'notify.post',
  NotifyReaction: 'notify.reaction',
  NotifyAnswer: 'notify.answer',
  NotifyReviewRequested: 'notify.review-requested',
  NotifyReportStatus: 'notify.report-status',
  NotifyRoomStarting: 'notify.room-starting',
  NotifyRoomInvited: 'notify.room-invited',
  MailImmediate: 'mail.immediate',
  MailImmediateSweep: 'mail.immediate-sweep',
  MailSend: 'mail.send',
  DigestTick: 'digest.tick',
  DigestBuild: 'digest.build',
  KnowledgeVerificationSweep: 'knowledge.verification-sweep',
  BookmarkReminders: 'bookmark.reminders',
  SessionReminders: 'session.reminders',
  ProgramOverdueNudges: 'program.overdue-nudges',
} as const;

export type JobNameValue = (typeof JobName)[keyof typeof JobName];

type None = Record<string, never>;

export interface JobPayloads {
  'search.drain': None;
  'chat.retention': None;
  'notify.post': { postId: string };
  'notify.reaction': { postId: string; userId: string };
  'notify.answer': { topicId: string; actorId: string };
  'notify.review-requested': { articleId: string; reviewerId: string; assignedById: string | null };
  'notify.report-status': { source: 'post' | 'chat'; flagId: string; status: string };
  'notify.room-starting': { sessionId: string };
  /** `invitationId`: one per invitation, so a retried job tells nobody twice and a later invitation tells them again. */
  'notify.room-invited': { invitationId: string; roomId: string; inviterId: string; userIds: string[] };
  'mail.immediate': { userId: string; threadKey: string };
  'mail.immediate-sweep': None;
  'mail.send': { mailId: string };
  'digest.tick': None;
  'digest.build': { userId: string; periodKey: string };
  'knowledge.verification-sweep': None;
  'bookmark.reminders': None;
  'session.reminders': None;
  'program.overdue-nudges': None;
}

/**
 * Bulk work that may wait behind everything else (BullMQ takes jobs without a priority first, then lower numbers):
 * while 10,000 digests are being built, their mails and people's immediate notifications still go out.
 */
export const JOB_PRIORITY: Partial<Record<JobNameValue, number>> = {
  'digest.build': 10,
};

/** BullMQ refuses ':' in custom ids, so deterministic ids join their parts with '|' and carry no ':'. */
export function jobKey(...parts: (string | number)[]): string {
  return parts.map((part) => String(part).replaceAll(':', '/')).join('|');
}
