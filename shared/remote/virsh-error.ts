/**
 * virsh prints failures as `error: …` lines on stderr; the first carries the summary and the
 * following ones the libvirt detail. Pull them out so the UI can show one plain message.
 */
export function libvirtErrorMessage(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('error:'))
    .map((l) => l.slice('error:'.length).trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return undefined;
  return lines.join(' — ');
}

/** A short hint for the failures users actually hit when pointing LabDeck at a host. */
export function libvirtAccessHint(stderr: string, user?: string): string | undefined {
  if (/libvirt-sock.*Permission denied|authentication unavailable|Permission denied.*libvirt/i.test(stderr)) {
    const who = user ?? 'this user';
    return `${who} may not use libvirt's system socket: add it to the libvirt group (usermod -aG libvirt ${who}) or connect as a user that is.`;
  }
  if (/Failed to connect socket.*No such file or directory/i.test(stderr)) {
    return 'libvirtd is not running on the host (no socket found).';
  }
  if (/virsh: (command )?not found/i.test(stderr)) {
    return 'virsh is not installed on the host: it is a machine, not a KVM pod.';
  }
  return undefined;
}
