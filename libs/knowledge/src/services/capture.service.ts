import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode } from '@app/core';
import { SessionReportService } from '@app/chat';
import { ForumExcerpts } from '@app/forum';
import type { Actor } from '@app/identity';
import type { ArticleType } from '../policy';
import { ArticleService } from './article.service';

export const MAX_CAPTURED_POSTS = 50;

/** Cuts text to at most `bytes` of UTF-8 (a long transcript still fits an article), never inside a character. */
function withinBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= bytes) return text;
  return `${Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '')}\n\n*(The transcript continues beyond this draft.)*\n`;
}

/** Markdown that quotes `text` line by line. */
const quote = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/**
 * Capture: drafts made from what was said elsewhere. The draft stays in the scope it came from (a school's thread
 * never becomes consortium-wide by being captured), and authors appear exactly as they did there: a pseudonym stays
 * a pseudonym, a transcript names nobody.
 */
@Injectable()
export class CaptureService {
  constructor(
    private readonly forum: ForumExcerpts,
    private readonly reports: SessionReportService,
    private readonly articles: ArticleService,
  ) {}

  async fromTopic(actor: Actor, input: { topicId: string; postNumbers: number[]; title?: string; type?: ArticleType }) {
    const numbers = [...new Set(input.postNumbers)].sort((a, b) => a - b);
    if (numbers.length === 0 || numbers.length > MAX_CAPTURED_POSTS) {
      throw badRequest(ErrorCode.ValidationFailed, `Choose between 1 and ${MAX_CAPTURED_POSTS} posts`, [{ field: 'postNumbers', message: 'out of range' }]);
    }
    const { topic, posts } = await this.forum.topicPosts(actor, input.topicId, numbers);
    if (posts.length === 0) throw badRequest(ErrorCode.ValidationFailed, 'None of those posts can be quoted', [{ field: 'postNumbers', message: 'no visible post' }]);
    const sections = posts.map(
      (post) => `${quote(post.source)}\n\n— ${post.author.displayName}, [post ${post.postNumber}](/forum/t/${topic.id}#post-${post.postNumber})`,
    );
    const body = `Captured from the forum topic [${topic.title.replace(/[[\]]/g, '')}](/forum/t/${topic.id}).\n\n${sections.join('\n\n')}\n`;
    return this.articles.create(
      actor,
      {
        title: (input.title ?? topic.title).slice(0, 200),
        body,
        type: input.type ?? 'case_study',
        phases: topic.phase ? [topic.phase] : [],
        tags: topic.tags,
        scope: topic.scopeKey,
        spaceId: topic.spaceId,
      },
      { capturedFromKind: 'topic', capturedFromId: topic.id },
    );
  }

  /** From a session's transcript: facilitators only (the transcript is theirs), names replaced by labels. */
  async fromChatSession(actor: Actor, input: { roomId: string; sessionId: string; title?: string; type?: ArticleType }) {
    const transcript = await this.reports.transcript(actor, input.roomId, input.sessionId);
    const room = await this.reports.roomFacts(actor, input.roomId);
    const sections = transcript.sections.map((section) => {
      const heading = section.room === 'main' ? `## ${section.title}` : `## Breakout: ${section.title}`;
      const question = section.guidingQuestion ? `\n\n*Guiding question:* ${section.guidingQuestion}` : '';
      const lines = section.messages
        .filter((m) => m.text !== null && m.kind !== 'system')
        .map((m) => `**${m.author}:** ${m.text!.replace(/\n+/g, ' ')}`);
      return `${heading}${question}\n\n${lines.join('\n\n')}`;
    });
    const body = `Captured from session ${transcript.session.number} of the dialogue room "${transcript.title}".\n\n${sections.join('\n\n')}\n`;
    return this.articles.create(
      actor,
      {
        title: (input.title ?? `${transcript.title}: session ${transcript.session.number}`).slice(0, 200),
        body: withinBytes(body, 60_000),
        type: input.type ?? 'case_study',
        scope: room.scopeKey,
        spaceId: room.spaceId,
      },
      { capturedFromKind: 'chat_session', capturedFromId: input.sessionId },
    );
  }
}
