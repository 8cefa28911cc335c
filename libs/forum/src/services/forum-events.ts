import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/** What changed in the forum, by id only: listeners load what they may show through the services. */
export type ForumEvent =
  | { type: 'topic.created'; spaceId: string; topicId: string }
  | { type: 'topic.updated'; spaceId: string; topicId: string }
  | { type: 'post.created'; spaceId: string; topicId: string; postId: string }
  | { type: 'post.updated'; spaceId: string; topicId: string; postId: string };

/**
 * In-process publication of forum changes after their transaction commits. The socket gateway turns them
 * into room events (fanned out across servers by the Redis adapter); notifications and search indexing
 * subscribe here later.
 */
@Injectable()
export class ForumEvents {
  private readonly subject = new Subject<ForumEvent>();

  get events(): Observable<ForumEvent> {
    return this.subject.asObservable();
  }

  publish(event: ForumEvent): void {
    this.subject.next(event);
  }
}
