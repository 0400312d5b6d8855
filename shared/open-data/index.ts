export * from './manifest';
export { REGISTER_COLUMNS } from './register';
export { REPORT_FIGURE_COLUMNS } from './report-figures';
