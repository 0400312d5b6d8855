export * from './manifest';
export { REGISTER_COLUMNS } from './register';
