export * from './chat-policy';
