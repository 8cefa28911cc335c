export * from './post.service';
export * from './space.service';
export * from './topic.service';
export * from './personal.service';
export { FLOOD_LIMIT } from './posting-rules.service';
export * from './forum-events';
export * from './flag.service';
export { MentionSuggestions } from './mention-suggestions.service';
export { PreviewService } from './preview.service';
