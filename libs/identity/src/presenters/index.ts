export * from './me.presenter';
export * from './member.presenter';
export * from './organisation.presenter';
export * from './invitation.presenter';
