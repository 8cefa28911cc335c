export * from './instrument.presenter';
export * from './landscape.presenter';
export * from './response.presenter';
export * from './school-results.presenter';
