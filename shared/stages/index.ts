export * from './application';
export * from './errors';
export * from './events';
export * from './round';
