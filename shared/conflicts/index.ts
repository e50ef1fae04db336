export * from './conflicts';
