export * from './instrument.repository';
export * from './landscape.repository';
export * from './response.repository';
export * from './school-results.repository';
