export * from './types';
export * from './parse';
export * from './serialize';
export * from './pools';
