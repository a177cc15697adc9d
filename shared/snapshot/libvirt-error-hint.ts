/**
 * Turns virsh's connection errors into something the user can act on. Pure: the caller passes the
 * remote user and its groups (the snapshot's `user` section) when it knows them.
 *
 * Typical texts (virsh prints them on two lines, "error: " prefixed):
 *   failed to connect to the hypervisor
 *   Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied
 *   authentication unavailable: no polkit agent available to authenticate action 'org.libvirt.unix.manage'
 *   Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory
 */
export interface HintContext {
  user?: string;
  /** The user's groups as the remote session has them (`id -Gn`). */
  groups?: string[];
}

export function libvirtErrorHint(message: string, ctx: HintContext = {}): string | undefined {
  const user = ctx.user?.trim() || undefined;
  const who = user ? `User ${user}` : 'The SSH user';
  const name = user ?? 'USER';
  const socket = message.match(/Failed to connect socket to '([^']+)'/)?.[1];

  const denied = /Permission denied/i.test(message) && socket !== undefined;
  const polkit = /authentication unavailable|no polkit agent|polkit/i.test(message);
  if (denied || polkit) {
    if (ctx.groups?.includes('libvirt')) {
      // Already a member, yet refused: the socket's group or mode doesn't match the distribution's default.
      return (
        `${who} is in the libvirt group but may not use ${socket ?? "libvirt's socket"}: check unix_sock_group ` +
        'and unix_sock_rw_perms in libvirtd.conf (or the polkit rules) on the host.'
      );
    }
    return (
      `${who} is not in the libvirt group: add it with \`sudo usermod -aG libvirt ${name}\` and log in again ` +
      '(group membership only applies to new sessions).'
    );
  }
  if (socket !== undefined && /No such file or directory|Connection refused/i.test(message)) {
    return (
      `libvirt is not running on the host (nothing listens on ${socket}): start it, e.g. ` +
      '`sudo systemctl start libvirtd` (or `virtqemud.socket` on hosts with modular daemons).'
    );
  }
  if (/no connection driver available/i.test(message)) {
    return "The host's libvirt has no driver for this URI: install the hypervisor driver (e.g. libvirt-daemon-driver-qemu) or change the host's libvirt URI.";
  }
  if (/Cannot recv data|End of file while reading data/i.test(message)) {
    return 'The connection to libvirt broke off: check the libvirt URI and that the daemon is healthy.';
  }
  return undefined;
}
