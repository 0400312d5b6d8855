export * from './batch';
export * from './columns';
export * from './report-item';
export * from './writes';
