import { api } from '../../lib/api';
import type { Post, ReactionKind } from '../../lib/forum-types';

const REACTIONS: { kind: ReactionKind; label: string; symbol: string }[] = [
  { kind: 'heart', label: 'Heart', symbol: '♥' },
  { kind: 'thanks', label: 'Thanks', symbol: '🙏' },
  { kind: 'insightful', label: 'Insightful', symbol: '💡' },
  { kind: 'support', label: 'Support', symbol: '🤝' },
  { kind: 'agree', label: 'Agree', symbol: '✓' },
];
const enc = encodeURIComponent;

/** Adds the reader's reaction, or takes it back; resolves to the post as the reader now sees it. */
export async function toggleReaction(post: Post, kind: ReactionKind): Promise<Post> {
  if ((post.myReactions ?? []).includes(kind)) {
    await api.delete(`/posts/${enc(post.id)}/reactions/${kind}`);
    return api.get<Post>(`/posts/${enc(post.id)}`);
  }
  return api.post<Post>(`/posts/${enc(post.id)}/reactions`, { kind });
}

/** One toggle button per reaction, with its count; pressed when the reader gave it. */
export function PostReactions({ post, onReact }: { post: Post; onReact: (kind: ReactionKind) => void }) {
  return (
    <ul class="reactions" aria-label={`Reactions to post ${post.postNumber}`}>
      {REACTIONS.map((r) => {
        const count = post.reactions[r.kind] ?? 0;
        const pressed = (post.myReactions ?? []).includes(r.kind);
        return (
          <li key={r.kind}>
            <button type="button" class="reaction" aria-pressed={pressed ? 'true' : 'false'} onClick={() => onReact(r.kind)}>
              <span aria-hidden="true">{r.symbol}</span> {r.label} <span class="reaction-count">{count}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
