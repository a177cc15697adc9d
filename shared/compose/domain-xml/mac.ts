/** A source of random bytes (crypto.getRandomValues in the app, a seeded stub in tests). */
export type RandomBytes = (count: number) => Uint8Array;

export const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** A MAC in QEMU/KVM's locally administered range 52:54:00:xx:xx:xx (as MAAS and libvirt use). */
export function generateMac(random: RandomBytes): string {
  const bytes = random(3);
  if (bytes.length < 3) throw new RangeError('random source returned fewer than 3 bytes');
  const tail = [...bytes.slice(0, 3)].map((b) => (b & 0xff).toString(16).padStart(2, '0'));
  return ['52', '54', '00', ...tail].join(':');
}

/** A MAC not in `taken` (compared case-insensitively); gives up after `attempts` draws. */
export function generateUniqueMac(random: RandomBytes, taken: Iterable<string>, attempts = 64): string {
  const used = new Set([...taken].map((m) => m.toLowerCase()));
  for (let i = 0; i < attempts; i++) {
    const mac = generateMac(random);
    if (!used.has(mac)) return mac;
  }
  throw new Error(`could not find a free MAC address in ${attempts} tries`);
}

/** Lower-case, colon-separated, and a unicast address; null otherwise. */
export function normalizeMac(mac: string): string | null {
  const m = mac.trim().toLowerCase().replace(/-/g, ':');
  if (!MAC_PATTERN.test(m)) return null;
  const first = parseInt(m.slice(0, 2), 16);
  return first & 1 ? null : m;
}
