export * from './types';
export { POLICY_SUMMARY_VERSION } from './version';
