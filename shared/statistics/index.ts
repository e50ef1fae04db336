export * from './reliability';
export * from './statistics';
