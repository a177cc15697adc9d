export * from './types';
export { planAttachments } from './plan';
export { interfaceFacts, libvirtDhcp, type InterfaceFacts, type Sourced, type SubnetFact } from './facts';
export { matchInterface, type KeyCheck, type MatchResult } from './match';
export { CONSTRAINT_RULE, chooseForLabel, constraintText } from './choose';
export { DEPLOYED_RULE, MANUAL_RULE, chooseDefault, networkDhcp } from './defaults';
export { attachmentFor, modeFor } from './attach';
