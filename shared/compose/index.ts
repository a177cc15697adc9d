/**
 * Composing VMs the MAAS way: the constraint and storage grammars, host marks, the NIC attachment
 * planner, domain XML and the virsh command plan. Pure functions only; nothing here does I/O.
 */
export * from './result';
export * from './net/ip';
export * from './constraints';
export * from './storage';
export * from './marks';
export * from './macvlan-modes';
export * from './planner';
export * from './domain-xml';
export * from './commands';
