/** Field checks for the seed: each returns null when fine, else a message a person can act on. */

export function hostnameProblem(hostname: string): string | null {
  if (/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(hostname)) return null;
  return `The hostname "${hostname}" is not a DNS label: 1–63 letters, digits and inner dashes.`;
}

/** cloud-init names a directory after it (/var/lib/cloud/instances/ID), so no slashes or spaces. */
export function instanceIdProblem(id: string): string | null {
  if (/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(id)) return null;
  return `The instance id "${id}" must be 1–128 letters, digits, dots, dashes, colons or underscores.`;
}

/** The login name rule of the compose contract (useradd's portable subset). */
export function userProblem(user: string): string | null {
  if (/^[a-z_][a-z0-9_-]{0,31}$/.test(user)) return null;
  return `The user name "${user}" must start with a lowercase letter or _, then lowercase letters, digits, - and _, at most 32 characters.`;
}

const B64 = '[./0-9A-Za-z]';
const CRYPT_FORMS = [
  new RegExp(`^\\$6\\$(rounds=[1-9][0-9]*\\$)?${B64}{0,16}\\$${B64}{86}$`),
  new RegExp(`^\\$5\\$(rounds=[1-9][0-9]*\\$)?${B64}{0,16}\\$${B64}{43}$`),
  new RegExp(`^\\$y\\$${B64}+\\$${B64}*\\$${B64}{43}$`),
];

export function passwordHashProblem(hash: string): string | null {
  if (CRYPT_FORMS.some((re) => re.test(hash))) return null;
  return 'The password must be a crypt(3) hash ($6$…, $5$… or $y$…), never the password itself; hash it first (e.g. openssl passwd -6).';
}

/** A lowercase MAC, or a message. Multicast and all-zero MACs cannot belong to a NIC. */
export function normaliseMac(mac: string): { mac: string } | { problem: string } {
  const m = mac.trim().toLowerCase();
  if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(m))
    return { problem: `"${mac}" is not a MAC address; write it like 52:54:00:12:34:56.` };
  if (parseInt(m.slice(0, 2), 16) & 1)
    return { problem: `${m} is a multicast MAC address; a NIC needs a unicast one (even first byte).` };
  if (m === '00:00:00:00:00:00') return { problem: 'The MAC address 00:00:00:00:00:00 cannot belong to a NIC.' };
  return { mac: m };
}
