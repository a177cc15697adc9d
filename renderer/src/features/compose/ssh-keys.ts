import { checkSshKey } from '../../../../shared/cloud-init/ssh-key';

/** The non-empty, non-comment lines of the "Other keys" field, trimmed. */
export function keyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The first line of the field that is not an OpenSSH public key, with its 1-based line number. */
export function badKeyLine(text: string): { line: number; message: string } | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '' || l.startsWith('#')) continue;
    if (/PRIVATE KEY|^[A-Za-z0-9+/=]{40,}$/.test(l))
      return {
        line: i + 1,
        message: `Line ${i + 1} looks like part of a private key — paste the .pub file's line instead.`,
      };
    // The engine's own check, so what passes here passes there.
    const checked = checkSshKey(l);
    if (!checked.ok) return { line: i + 1, message: `Line ${i + 1}: ${checked.error}` };
  }
  return null;
}

/** Two lines are the same key when type and key material match, whatever the comment says. */
const keyIdentity = (line: string): string => line.trim().split(/\s+/).slice(0, 2).join(' ');

/** The chosen keys, then the typed ones, each key once (the first line of it kept). */
export function mergeKeys(chosen: readonly string[], otherText: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of [...chosen.map((l) => l.trim()), ...keyLines(otherText)]) {
    const id = keyIdentity(line);
    if (line === '' || seen.has(id)) continue;
    seen.add(id);
    out.push(line);
  }
  return out;
}
