import { z } from 'zod';
import { ComposeRequest } from './compose';

/**
 * Exporting to Ansible (community.libvirt): what to export from one host, and the files it makes,
 * shown before they are saved.
 */
export const AnsibleExportRequest = z
  .object({
    hostId: z.string().min(1),
    /** A compose request: the VM compose would make (the wizard's Review step, `labdeck export --plan`). */
    plan: ComposeRequest.optional(),
    /** Existing VMs, exported from their definitions. */
    vms: z.array(z.string().min(1)).default([]),
    /** Every libvirt network of the host (with its DHCP reservations). */
    networks: z.boolean().default(false),
    /** Only these networks (with their DHCP reservations). */
    networkNames: z.array(z.string().min(1)).default([]),
  })
  .refine((r) => r.plan !== undefined || r.vms.length > 0 || r.networks || r.networkNames.length > 0, {
    message: 'Export what? Give a plan, VMs or networks.',
  });
export type AnsibleExportRequest = z.input<typeof AnsibleExportRequest>;

export const ExportFile = z.object({
  path: z
    .string()
    .min(1)
    .refine(
      (p) => !p.startsWith('/') && !p.split('/').some((s) => s === '..' || s === '' || s === '.'),
      'A relative path inside the export folder',
    ),
  content: z.string(),
  encoding: z.enum(['utf8', 'base64']),
});

export const AnsibleExportResult = z.object({
  hostName: z.string(),
  /** In a sentence: what is in it. */
  summary: z.string(),
  /** What the export does not carry (disk contents, a VM's state) and what the user must know. */
  notes: z.array(z.string()),
  files: z.array(ExportFile),
  /** A folder suggested for saving it. */
  suggestedDir: z.string(),
});
export type AnsibleExportResult = z.infer<typeof AnsibleExportResult>;

export const AnsibleExportSaveRequest = z.object({
  /** An absolute folder on the machine running LabDeck's engine; made when missing. */
  dir: z.string().trim().min(1, 'Give a folder'),
  files: z.array(ExportFile).min(1),
});
export type AnsibleExportSaveRequest = z.input<typeof AnsibleExportSaveRequest>;

export const AnsibleExportSaveResult = z.object({ dir: z.string(), written: z.array(z.string()) });
export type AnsibleExportSaveResult = z.infer<typeof AnsibleExportSaveResult>;
