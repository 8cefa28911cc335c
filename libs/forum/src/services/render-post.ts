import { renderMarkdown, type Mentionable } from '@app/markdown';

/** The web client's address of a post: its topic page, scrolled to the post. */
export const postPath = (topicId: string, postNumber: number) => `/forum/t/${topicId}#post-${postNumber}`;

/** Renders a post's Markdown; quotes link back to posts of the same topic. */
export function renderPost(topicId: string, source: string, mentionable: Mentionable = () => false) {
  return renderMarkdown(source, { postUrl: (n: number) => postPath(topicId, n), mentionable });
}
