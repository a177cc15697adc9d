import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { fillAddHost, submitAddHost } from './add-host-dialog';

/** Adds a lab host (accepting its key once) and waits until its inventory row says online. */
export async function addLabHost(page: Page, lab: LabDescription, h: LabHost): Promise<void> {
  await fillAddHost(page, lab, h);
  await submitAddHost(page);
  const prompt = page.getByRole('dialog', { name: 'Unknown host key' });
  await prompt.getByRole('button', { name: 'Accept and remember' }).click();
  await expect(page.getByRole('row', { name: new RegExp(h.name) }).getByText('online')).toBeVisible();
}

/** Inventory row → side panel → the host's own screen. */
export async function openHostScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('row', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: `Open host view of ${name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

export async function openTab(
  page: Page,
  name: 'Overview' | 'Topology' | 'Interfaces' | 'Networks' | 'Storage' | 'VMs' | 'Marks',
): Promise<Locator> {
  await page
    .getByRole('tablist', { name: 'Host sections' })
    .getByRole('tab', { name: new RegExp(`^${name}\\b`) })
    .click();
  return page.getByRole('tabpanel');
}

/** A node of the topology picture, by its accessible name ("bridge br0", "VM lab-running"). */
export const topologyNode = (page: Page, label: string): Locator =>
  page.getByRole('button', { name: label, exact: true });

export const connections = (page: Page): Locator => page.getByRole('list', { name: 'Connections' });

/** A table row by its row header's text, exactly (the header may also hold a warning icon). */
export const rowNamed = (table: Locator, name: string): Locator =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader').getByText(name, { exact: true }) });

/** What virsh on the lab host itself says (tests run as root, next to the lab's namespaces). */
export function domstate(h: LabHost, domain: string): string {
  return execFileSync('ip', ['netns', 'exec', h.namespace, 'virsh', '-c', h.libvirtUri, 'domstate', domain], {
    encoding: 'utf8',
  }).trim();
}

export function virsh(h: LabHost, ...args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', h.namespace, 'virsh', '-c', h.libvirtUri, ...args], { encoding: 'utf8' });
}

/** virsh for clean-up: what is already gone is not an error, so the answer is '' then. */
export function virshIfThere(h: LabHost, ...args: string[]): string {
  try {
    return virsh(h, ...args);
  } catch {
    return '';
  }
}

/** Leaves a domain shut off, whatever state it is in. */
export function ensureShutOff(h: LabHost, domain: string): void {
  if (domstate(h, domain) !== 'shut off') virsh(h, 'destroy', domain);
}
