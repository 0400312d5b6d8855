/** Organization-name search: the term index (what is written beside a certificate) and query planning. Pure. */

export * from './bulk';
export * from './case-search';
export * from './hit';
export * from './normalize';
export * from './query';
export * from './schema';
export * from './terms';
