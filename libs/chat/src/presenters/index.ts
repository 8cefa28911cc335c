export * from './message.presenter';
export * from './room.presenter';
