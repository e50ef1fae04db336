export * from './aggregate';
export * from './bands';
export * from './errors';
export * from './evaluate';
export * from './exact';
export * from './percentage';
export * from './ranking';
export * from './scorecard';
