/** Parses a `virsh *-list --uuid` section: one UUID a line; anything else (errors) is left out. */
export function parseUuidList(body: string): string[] {
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(l));
}
