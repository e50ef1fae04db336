export * from './checklist';
export * from './credit-code';
export * from './evaluate';
