import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const CONTENT_NOTE_COLLAPSE = ['all', 'listed', 'none'] as const;
export type ContentNoteCollapse = (typeof CONTENT_NOTE_COLLAPSE)[number];

export interface ContentNotePreference {
  collapse: ContentNoteCollapse;
  /** Lower-case notes; used when `collapse` is "listed". */
  notes: string[];
}

/** A person's forum preferences; no row means the defaults (fold every topic that carries content notes). */
@Injectable()
export class PreferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async contentNotes(userId: string): Promise<ContentNotePreference> {
    const rows: ContentNotePreference[] = await this.dataSource.query(
      'SELECT content_note_collapse AS collapse, collapsed_content_notes AS notes FROM forum_preference WHERE user_id = $1',
      [userId],
    );
    return rows[0] ?? { collapse: 'all', notes: [] };
  }

  async saveContentNotes(userId: string, preference: ContentNotePreference): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO forum_preference (user_id, content_note_collapse, collapsed_content_notes) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE
         SET content_note_collapse = EXCLUDED.content_note_collapse, collapsed_content_notes = EXCLUDED.collapsed_content_notes, updated_at = now()`,
      [userId, preference.collapse, preference.notes],
    );
  }
}
