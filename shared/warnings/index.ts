export * from './types';
export { hostWarnings } from './host-warnings';
export {
  domainAttachments,
  nicAttachments,
  nicLabel,
  isDomainUp,
  isHostEndDevice,
  type NicAttachment,
} from './attachments';
export { interfaceUsage, type InterfaceUse } from './interface-usage';
export { networkDhcpState, type NetworkDhcp } from './dhcp';
export { downReason } from './down-but-used';
