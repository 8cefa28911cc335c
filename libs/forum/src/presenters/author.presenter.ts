export interface AuthorView {
  id?: string;
  displayName: string;
  anonymous: boolean;
  /** Present on anonymous content: "Participant 3", stable within one topic only. */
  pseudonym?: string;
}

export const pseudonymLabel = (number: number) => `Participant ${number}`;

/**
 * The one place an author becomes visible. For anonymous content everyone, facilitators included, gets only
 * the pseudonym: no id, no name, nothing that could be joined with another response. Identity is shown only
 * through a facilitator's reveal, which needs a reason and is audited.
 */
export function presentAuthor(
  author: { id: string; displayName: string },
  anonymity: { anonymous: boolean; pseudonymNumber: number | null },
): AuthorView {
  if (!anonymity.anonymous) return { id: author.id, displayName: author.displayName, anonymous: false };
  const pseudonym = pseudonymLabel(anonymity.pseudonymNumber ?? 0);
  return { displayName: pseudonym, anonymous: true, pseudonym };
}

/** What a facilitator's reveal returns. */
export function presentRevealedAuthor(author: { id: string; displayName: string }, pseudonymNumber: number | null): AuthorView {
  return { id: author.id, displayName: author.displayName, anonymous: true, pseudonym: pseudonymLabel(pseudonymNumber ?? 0) };
}
