export * from './post.repository';
export * from './space.repository';
export * from './topic.repository';
export * from './flag.repository';
export * from './preference.repository';
export * from './notice.repository';
export * from './digest-source.repository';
