/**
 * The rights-request engine: regimes as data, the deadline engine, letters,
 * contacts and the send channels. Pure TypeScript, no browser APIs.
 */
export * from './types';
