export * from './functions';
export * from './roles';
export * from './routes';
export * from './schemas';
