export * from './certificate';
export * from './columns';
export * from './rows';
