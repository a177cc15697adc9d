import Button, { type ButtonProps } from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import AddToQueue from '@mui/icons-material/AddToQueue';
import type { HostView } from '../../../../shared/contract';
import { openComposeWizard } from './compose-store';
import { readOnlyReason } from '../../../../shared/snapshot/read-only';

/**
 * Opens the compose wizard on this pod: an icon in table rows (a native title, like the row's
 * other actions, since the table mounts rows while scrolling), a labelled button elsewhere.
 */
export function ComposeVmButton({
  host,
  variant = 'icon',
  buttonProps = { size: 'small' },
}: {
  host: HostView;
  variant?: 'icon' | 'button';
  /** Look of the labelled button, to match the buttons beside it. */
  buttonProps?: Pick<ButtonProps, 'size' | 'variant'>;
}) {
  // A read-only host (libvirt's test driver, a read-only URI) keeps nothing compose would make.
  const readOnly = readOnlyReason(host.libvirtUri);
  const disabled = host.kind !== 'pod' || !!readOnly;
  const label = `Compose VM on ${host.name}`;
  const why = readOnly
    ? `Read-only host: ${readOnly}`
    : host.kind !== 'pod'
      ? `${host.name} is not a KVM host (no libvirt seen yet)`
      : undefined;
  if (variant === 'button') {
    return (
      <span title={why}>
        <Button
          {...buttonProps}
          startIcon={<AddToQueue />}
          disabled={disabled}
          onClick={() => openComposeWizard(host.id)}
          aria-label={label}
        >
          Compose VM
        </Button>
      </span>
    );
  }
  return (
    <span title={why ?? 'Compose VM'}>
      <IconButton size="small" aria-label={label} disabled={disabled} onClick={() => openComposeWizard(host.id)}>
        <AddToQueue fontSize="small" />
      </IconButton>
    </span>
  );
}
