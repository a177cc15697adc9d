/**
 * Splits the snapshot script's stdout into its sections (format: see snapshot-script.ts).
 * Markers are only recognised with this run's nonce, so text inside XML cannot fake one.
 */

export const SNAPSHOT_HEADER = 'LABDECK-SNAPSHOT';
export const SNAPSHOT_FORMAT = '1';

export interface Section {
  name: string;
  /** The UUID for per-object sections, the rc for `connect`, the number for `batch`. */
  arg?: string;
  body: string;
}

export interface SplitOutput {
  /** undefined when no header line was found: then there are no sections. */
  format?: string;
  sections: Section[];
  /** Whether the `end` section arrived: false means the output was cut short. */
  complete: boolean;
  /** Anything printed before the header (a login banner, shell noise). */
  preamble: string;
}

export function splitSections(stdout: string): SplitOutput {
  const lines = stdout.split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith(`${SNAPSHOT_HEADER} `));
  if (headerAt < 0) return { sections: [], complete: false, preamble: stdout.trim() };
  const [, format = '', nonce = ''] = lines[headerAt]!.trim().split(' ');
  const marker = `@@@lds:${nonce} `;
  const sections: Section[] = [];
  let current: { name: string; arg?: string; lines: string[] } | undefined;
  const close = (): void => {
    if (current) sections.push({ name: current.name, arg: current.arg, body: current.lines.join('\n') });
  };
  for (const line of lines.slice(headerAt + 1)) {
    if (nonce !== '' && line.startsWith(marker)) {
      close();
      const rest = line.slice(marker.length).trim();
      const space = rest.indexOf(' ');
      current =
        space < 0 ? { name: rest, lines: [] } : { name: rest.slice(0, space), arg: rest.slice(space + 1), lines: [] };
    } else {
      current?.lines.push(line);
    }
  }
  close();
  return {
    format,
    sections,
    complete: sections.some((s) => s.name === 'end'),
    preamble: lines.slice(0, headerAt).join('\n').trim(),
  };
}
