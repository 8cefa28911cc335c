export * from './session.presenter';
export * from './ics.presenter';
