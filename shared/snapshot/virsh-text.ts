/** Helpers for virsh's plain-text output (run with LC_ALL=C, stderr merged into each section). */

/** The messages of virsh's "error: …" lines (a failing command prints one or two). */
export function virshErrors(body: string): string[] {
  return body
    .split('\n')
    .filter((l) => l.startsWith('error: '))
    .map((l) => l.slice('error: '.length).trim());
}

/** The body without virsh's error lines and surrounding blank lines. */
export function withoutErrors(body: string): string {
  return body
    .split('\n')
    .filter((l) => !l.startsWith('error: '))
    .join('\n')
    .trim();
}

/**
 * The rows of a virsh table (" Name   State\n------\n row…"): header line and row lines, untrimmed,
 * because columns are found by the header's offsets when a cell may hold spaces.
 */
export function tableRows(body: string): { header: string; rows: string[] } | undefined {
  const lines = withoutErrors(body).split('\n');
  const rule = lines.findIndex((l) => /^-{3,}\s*$/.test(l));
  if (rule < 1) return undefined;
  return { header: lines[rule - 1]!, rows: lines.slice(rule + 1).filter((l) => l.trim() !== '') };
}

/** "Key:   value" lines (nodeinfo, version) as a map. */
export function keyValueLines(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of withoutErrors(body).split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) map.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return map;
}
