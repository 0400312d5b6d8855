/** A case's documents: what may be added, by whom, of which type and how much. */
export * from './access';
export * from './limits';
export * from './schemas';
export * from './types';
