export * from './author.presenter';
export * from './post.presenter';
export * from './space.presenter';
export * from './topic.presenter';
export * from './flag.presenter';
