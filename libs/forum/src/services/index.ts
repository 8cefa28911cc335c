export * from './post.service';
export * from './space.service';
export * from './topic.service';
export { FLOOD_LIMIT } from './posting-rules.service';
export * from './forum-events';
