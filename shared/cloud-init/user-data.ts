import { type Document, isMap, parseDocument } from 'yaml';

/**
 * Checks raw user-data the way cloud-init will read it: the `#cloud-config` header, then YAML that
 * PyYAML accepts. cloud-init parses YAML 1.1 (`yes` is true, `0644` is octal, `52:54:00:…` unquoted
 * is a base-60 number), so we parse and later re-emit as YAML 1.1 too, to keep the user's meaning.
 */

export const CLOUD_CONFIG_HEADER = '#cloud-config';

export type UserDataCheck =
  { ok: true; config: Record<string, unknown> } | { ok: false; message: string; line?: number; column?: number };

/** The parsed document too, for the seed builder to merge into without losing comments or style. */
export type ParsedCloudConfig =
  | { ok: true; config: Record<string, unknown>; doc: Document }
  | { ok: false; message: string; line?: number; column?: number };

const ONLY = 'LabDeck accepts only #cloud-config user-data';

/** Other user-data formats cloud-init knows, by their first line. */
const OTHER_FORMATS: readonly [RegExp, string][] = [
  [
    /^#!/,
    `This is a script (it starts with #!). ${ONLY}; to run commands, list them under runcmd: in a #cloud-config.`,
  ],
  [/^#include(-once)?\b/, `#include (user-data fetched from URLs) is not supported. ${ONLY}.`],
  [/^## template:/, `Jinja-templated user-data (## template:) is not supported. ${ONLY}.`],
  [
    /^#cloud-config-(archive|jsonp)\b/,
    `That header names a different format than plain #cloud-config. ${ONLY}: start with a line holding exactly #cloud-config.`,
  ],
  [
    /^#(cloud-boothook|part-handler|upstart-job)\b/,
    `Boothooks, part handlers and upstart jobs are not supported. ${ONLY}.`,
  ],
  [/^(Content-Type|MIME-Version):/i, `MIME multi-part user-data is not supported. ${ONLY}.`],
];

function headerProblem(text: string): { message: string; line: number } | null {
  if (text.trim() === '')
    return { message: `The user-data is empty. Start it with a line ${CLOUD_CONFIG_HEADER}, then YAML.`, line: 1 };
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const first = lines[0]!;
  if (first.trimEnd() === CLOUD_CONFIG_HEADER) return null;
  // gzip's magic 1f 8b; the 8b rarely survives decoding to text, the 1f does.
  if (first.charCodeAt(0) === 0x1f) return { message: `This looks gzip-compressed. ${ONLY}, as plain text.`, line: 1 };
  for (const [pattern, message] of OTHER_FORMATS) if (pattern.test(first)) return { message, line: 1 };
  const at = lines.findIndex((l) => l.trim() === CLOUD_CONFIG_HEADER);
  if (at > 0) {
    return {
      message: `${CLOUD_CONFIG_HEADER} must be the very first line, with nothing before it (it is on line ${at + 1}).`,
      line: 1,
    };
  }
  const shown = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  return {
    message: `The first line must be exactly ${CLOUD_CONFIG_HEADER} (cloud-init ignores user-data without it); it is "${shown}".`,
    line: 1,
  };
}

/** Plainer words for the yaml library's messages a cloud-config author is likely to meet. */
const PLAINER: Record<string, string> = {
  MULTIPLE_DOCS: 'cloud-init reads a single YAML document; remove the --- separator',
  TAG_RESOLVE_FAILED: "unknown YAML tag; cloud-init's safe YAML loader refuses it",
  TAB_AS_INDENT: 'YAML is indented with spaces, not tabs',
};

/** "Map keys must be unique at line 3, column 1:\n\n…" → "Map keys must be unique". */
function firstSentence(code: string, message: string): string {
  return PLAINER[code] ?? message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** For the seed builder: the check plus the YAML document. */
export function parseCloudConfig(text: string): ParsedCloudConfig {
  const header = headerProblem(text);
  if (header) return { ok: false, ...header };

  const doc = parseDocument(text, { version: '1.1', prettyErrors: true });
  // Warnings too: an unknown tag is a warning here but PyYAML's safe_load refuses it.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    const where = pos ? `Line ${pos.line}, column ${pos.col}: ` : '';
    return {
      ok: false,
      message: `${where}${firstSentence(problem.code, problem.message)}.`,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    };
  }

  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      ok: false,
      message:
        'The user-data must be a YAML mapping at the top (lines like "key: value"), not a list or a single value.',
      line: lineOf(text, doc.contents.range?.[0] ?? 0),
      column: 1,
    };
  }

  let config: unknown;
  try {
    config = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml throws here when aliases expand too far (a "billion laughs" document).
    return { ok: false, message: `The YAML cannot be read: ${(e as Error).message}.` };
  }
  return { ok: true, config: (config ?? {}) as Record<string, unknown>, doc };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Is this user-data something LabDeck will pass to cloud-init? The config is the parsed mapping. */
export function checkUserData(text: string): UserDataCheck {
  const parsed = parseCloudConfig(text);
  if (!parsed.ok) return parsed;
  return { ok: true, config: parsed.config };
}
