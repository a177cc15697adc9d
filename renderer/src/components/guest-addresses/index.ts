export { AddressList, type ShownAddress } from './AddressList';
export { GuestAddressPanel, GuestAddressView } from './GuestAddressPanel';
export { OriginTag } from './OriginTag';
export { cidr, originOfNicIp, originText, waitText, type OriginKey } from './origins';
export { useGuestAddresses, type AddressWait } from './useGuestAddresses';
export { snapshotAddresses, VmAddresses } from './VmAddresses';
