import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/identity';
import { PreferenceRepository, type ContentNotePreference } from '../repositories';

/** At most this many listed notes; a topic carries at most 5. */
const MAX_LISTED_NOTES = 30;

/** A person's own forum preferences: only ever their own, so the only access rule is being signed in. */
@Injectable()
export class PreferenceService {
  constructor(private readonly preferences: PreferenceRepository) {}

  async get(actor: Actor): Promise<{ contentNotes: ContentNotePreference }> {
    return { contentNotes: await this.preferences.contentNotes(actor.userId) };
  }

  async setContentNotes(actor: Actor, input: ContentNotePreference): Promise<{ contentNotes: ContentNotePreference }> {
    // Notes match whatever their case on the topic; kept lower-case, trimmed, once each.
    const notes = [...new Set(input.notes.map((note) => note.trim().toLowerCase()).filter(Boolean))].slice(0, MAX_LISTED_NOTES);
    await this.preferences.saveContentNotes(actor.userId, { collapse: input.collapse, notes });
    return this.get(actor);
  }
}
