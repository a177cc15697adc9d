import type { HostSnapshot } from './types';

/**
 * Why changes made through this libvirt URI would not stick, or would be refused; undefined when they
 * can be made. Pure, from the URI alone:
 * - the test driver (`test:///…`) keeps its state in the virsh process: every change is gone when
 *   that process exits, so the next read shows the host unchanged;
 * - a read-only connection (`?readonly`, what `virsh -r` asks for) refuses every change.
 * A user without write access to libvirt never gets this far: the connection itself is refused, and
 * the snapshot's `libvirt.error` (with its hint) says why.
 */
export function readOnlyReason(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const u = uri.trim();
  if (/^test(\+[a-z0-9]+)?:/i.test(u)) {
    return `libvirt's test driver (${u}) keeps changes only inside one virsh process: nothing changed here persists, so LabDeck does not change this host.`;
  }
  const query = u.includes('?') ? u.slice(u.indexOf('?') + 1) : '';
  if (query.split('&').some((p) => /^readonly(=(1|yes|true))?$/i.test(p))) {
    return `The libvirt URI ${u} opens a read-only connection: libvirt refuses every change.`;
  }
  return undefined;
}

/**
 * The reason to refuse a change on this host before running anything: the snapshot's verdict, else
 * the configured URI's (it may say `?readonly` where `virsh uri` does not).
 */
export function hostReadOnlyReason(libvirtUri: string, snapshot: HostSnapshot | null | undefined): string | undefined {
  return snapshot?.libvirt?.readOnly?.reason ?? readOnlyReason(libvirtUri);
}
