/** Complaints, reports and appeals (ISO/IEC 17065 7.13): kinds, handling steps, impartiality, intake and its limits. */
export * from './appeals';
export * from './claimed-number';
export * from './figures';
export * from './handling';
export * from './involvement';
export * from './kinds';
export * from './labels';
export * from './matter';
export * from './overdue';
export * from './photo';
export * from './proof-of-work';
export * from './reply';
export * from './schemas';
export * from './settings';
export * from './states';
export * from './step-refusal';
