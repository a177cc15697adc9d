export * from './build';
export * from './dhcp-host';
export * from './mac';
export * from './targets';
export { xmlBuilder } from './xml';
export * from './probe';
