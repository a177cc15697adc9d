import { HostInput, type HostInputParsed, type HostView } from '../../../../shared/contract';

export type AuthChoice = 'agent' | 'key' | 'password';

/** What the form fields hold: all strings, so half-typed input is representable. */
export type HostForm = {
  name: string;
  address: string;
  port: string;
  user: string;
  auth: AuthChoice;
  keyPath: string;
  libvirtUri: string;
  tags: string;
};

export type HostFormField = keyof HostForm;
export type FieldErrors = Partial<Record<HostFormField, string>>;

export const emptyHostForm: HostForm = {
  name: '',
  address: '',
  port: '22',
  user: 'root',
  auth: 'agent',
  keyPath: '',
  libvirtUri: 'qemu:///system',
  tags: '',
};

export function formFromHost(h: HostView): HostForm {
  return {
    name: h.name,
    address: h.address,
    port: String(h.port),
    user: h.user,
    auth: h.auth.method,
    keyPath: h.auth.method === 'key' ? h.auth.keyPath : '',
    libvirtUri: h.libvirtUri,
    tags: h.tags.join(', '),
  };
}

export const splitTags = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** Maps a zod issue path onto the field that should show it. */
function fieldOf(path: readonly PropertyKey[]): HostFormField {
  const [head, sub] = path;
  if (head === 'auth') return sub === 'keyPath' ? 'keyPath' : 'auth';
  if (head === 'tags') return 'tags';
  if (typeof head === 'string' && head in emptyHostForm) return head as HostFormField;
  return 'name';
}

/**
 * Validates with the contract's own HostInput schema, so the dialog and the engine can never
 * disagree about what is valid. Returns the parsed input or per-field messages.
 */
export function parseHostForm(
  form: HostForm,
): { ok: true; input: HostInputParsed } | { ok: false; errors: FieldErrors } {
  const port = /^\s*\d+\s*$/.test(form.port) ? Number(form.port) : Number.NaN;
  const candidate = {
    name: form.name,
    address: form.address,
    port,
    user: form.user,
    auth: form.auth === 'key' ? { method: 'key', keyPath: form.keyPath.trim() } : { method: form.auth },
    libvirtUri: form.libvirtUri,
    tags: splitTags(form.tags),
  };
  const result = HostInput.safeParse(candidate);
  if (result.success) return { ok: true, input: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    // A non-number port gets zod's generic "expected number"; say what we want instead.
    const message = field === 'port' ? 'Port is 1–65535' : issue.message;
    errors[field] ??= message;
  }
  return { ok: false, errors };
}

/**
 * Entries already in the inventory at the same address and port (another entry, not the one being
 * edited). Allowed — two users, two keys — but worth a warning: each entry logs in with its own
 * credentials, so a second entry is not a shortcut to the first one's access.
 */
export function sameAddressHosts(
  form: Pick<HostForm, 'address' | 'port'>,
  hosts: readonly HostView[],
  editingId?: string,
): HostView[] {
  const address = form.address.trim().toLowerCase();
  const port = Number(form.port.trim() || '22');
  if (!address) return [];
  return hosts.filter((h) => h.id !== editingId && h.address.toLowerCase() === address && h.port === port);
}
