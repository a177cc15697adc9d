export * from './types';
export { SNAPSHOT_SCRIPT } from './snapshot-script';
export { parseSnapshotOutput, SnapshotParseError } from './parse-snapshot';
export { factsFromSnapshot } from './facts';
export { libvirtErrorHint, type HintContext } from './libvirt-error-hint';
