/** What a notification says and where it leads; the same for every recipient of one event. */
export interface NoticeContent {
  groupKey: string;
  threadKey: string;
  /** Stored only when the actor acted under their name; never for anonymous posts. */
  actorId: string | null;
  actorName: string | null;
  subject: string;
  detail?: string | null;
  url: string;
  scopeKey: string;
  topicId?: string | null;
  postNumber?: number | null;
}
