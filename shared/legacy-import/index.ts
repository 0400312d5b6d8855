export * from './certificate';
export * from './columns';
export * from './console';
export * from './rows';
