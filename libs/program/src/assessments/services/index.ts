export * from './instrument.service';
export * from './landscape.service';
export * from './assessment-response.service';
export * from './school-results.service';
