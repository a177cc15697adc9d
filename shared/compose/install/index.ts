export * from './resolve';
export * from './sizes';
export * from './volume-steps';
