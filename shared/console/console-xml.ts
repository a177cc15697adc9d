import { attr, child, children, parseXmlRoot } from '../snapshot/xml';

export type VncTarget =
  | { kind: 'tcp'; address: string; port: number; passwordSet: boolean }
  | { kind: 'unix'; path: string; passwordSet: boolean };

export type ConsoleFacts = {
  /** The domain has a serial port or console `virsh console` can attach to. */
  serial: boolean;
  /** The first VNC display, when the domain has one and (for TCP) it is running with a port. */
  vnc?: VncTarget;
  /** Why there is no usable VNC target, for the message. */
  vncProblem?: string;
};

/** Addresses that mean "every interface" are reached on the host's own loopback. */
function reachable(address: string | undefined): string {
  if (!address || address === '0.0.0.0' || address === '127.0.0.1' || address === 'localhost') return '127.0.0.1';
  if (address === '::' || address === '::1') return '::1';
  return address;
}

/** Reads a live domain XML (`virsh dumpxml`) for what the consoles need. */
export function consoleFacts(xml: string): ConsoleFacts {
  const dom = parseXmlRoot(xml, 'domain');
  const devices = child(dom, 'devices');
  const serial = children(devices, 'serial').length > 0 || children(devices, 'console').length > 0;
  const g = children(devices, 'graphics').find((x) => attr(x, 'type') === 'vnc');
  if (!g) return { serial, vncProblem: 'This VM has no VNC display.' };
  const passwordSet = attr(g, 'passwd') !== undefined;
  const listen = children(g, 'listen')[0];
  const socket = attr(g, 'socket') ?? (attr(listen, 'type') === 'socket' ? attr(listen, 'socket') : undefined);
  if (socket) return { serial, vnc: { kind: 'unix', path: socket, passwordSet } };
  if (attr(listen, 'type') === 'none')
    return { serial, vncProblem: 'Its VNC display does not listen anywhere (listen type none).' };
  const port = Number(attr(g, 'port') ?? '-1');
  if (!Number.isInteger(port) || port <= 0)
    return { serial, vncProblem: 'Its VNC display has no port yet: is the VM running?' };
  const address = reachable(attr(listen, 'address') ?? attr(g, 'listen'));
  return { serial, vnc: { kind: 'tcp', address, port, passwordSet } };
}

/** What `virsh console` printed before giving up, in words for the user. */
export function serialFailure(output: string, domain: string): { message: string; hint?: string; takeover?: boolean } {
  const text = output.replace(/\r/g, '').trim();
  if (/Active console session exists|console .*in use|session exists/i.test(text)) {
    return {
      message: `Another client holds the serial console of ${domain}.`,
      hint: 'Take it over only if that session is yours or abandoned.',
      takeover: true,
    };
  }
  if (/not running/i.test(text)) return { message: `${domain} is not running: start it to use its console.` };
  if (/cannot find character device|no console|character device .* not using a PTY|not a PTY/i.test(text)) {
    return { message: `${domain} has no serial console LabDeck can attach to.` };
  }
  const line = text.split('\n').find((l) => /error/i.test(l)) ?? text.split('\n').pop() ?? '';
  return { message: `The serial console of ${domain} could not be opened${line ? `: ${line.slice(0, 300)}` : '.'}` };
}

/** `virsh console` prints this line once attached; everything after it is the guest's. */
export const SERIAL_BANNER = /Escape character is [^\n]*\n/;
