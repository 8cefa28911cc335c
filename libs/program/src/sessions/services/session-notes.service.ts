import { Injectable } from '@nestjs/common';
import { badRequest, conflict, ErrorCode } from '@app/core';
import type { Actor } from '@app/identity';
import { ArticleService } from '@app/knowledge';
import { SessionRepository } from '../repositories';
import { SessionAccess } from './session-access.service';

/** The facilitators' notes of a session, and capturing them into the knowledge base. */
@Injectable()
export class SessionNotesService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly access: SessionAccess,
    private readonly articles: ArticleService,
  ) {}

  async save(actor: Actor, sessionId: string, notes: string) {
    const { session } = await this.access.running(actor, sessionId);
    await this.sessions.setNotes(session.id, notes);
    return { notes, notesArticleId: session.notesArticleId };
  }

  /**
   * A knowledge-base draft from the notes, owned by the person capturing them, in the session's audience (a cohort's
   * session never becomes consortium-wide by being captured) and its phase. Once per session: the draft is then the
   * place to keep working on them.
   */
  async capture(actor: Actor, sessionId: string) {
    const { session } = await this.access.running(actor, sessionId);
    if (session.notesArticleId)
      throw conflict(ErrorCode.SessionNotesCaptured, 'These notes were already captured as a knowledge draft');
    if (!session.notes.trim()) throw badRequest(ErrorCode.SessionNotesEmpty, 'Write the notes before capturing them');
    const day = new Date(session.startsAt).toISOString().slice(0, 10);
    const article = await this.articles.create(actor, {
      title: `Notes: ${session.title}`.slice(0, 200),
      summary: `Notes from the session “${session.title}” on ${day}.`.slice(0, 1000),
      body: `Captured from the session [${session.title.replace(/[[\]]/g, '')}](/program/sessions/${session.id}) on ${day}.\n\n${session.notes.trim()}\n`,
      type: 'case_study',
      phases: session.phase ? [session.phase] : [],
      scope: session.scopeKey,
    });
    // Two captures at once: the second draft stays with its writer, the session keeps the first.
    if (!(await this.sessions.setNotesArticle(session.id, article.id))) {
      throw conflict(ErrorCode.SessionNotesCaptured, 'These notes were already captured as a knowledge draft');
    }
    return {
      notesArticleId: article.id,
      article: { id: article.id, title: article.title, url: `/knowledge/a/${article.id}`, stage: article.stage },
    };
  }
}
