export * from './model';
export { seedIso, vmFromCompose, type ComposeExportInput } from './from-compose';
export {
  GROW_SCRIPT,
  inventoryName,
  renderExport,
  renderInventory,
  renderPlaybook,
  STAGING_DIR,
  xmlPaths,
} from './render';
