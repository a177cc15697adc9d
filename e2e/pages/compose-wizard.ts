import { expect, type Locator, type Page } from '@playwright/test';

/** The compose wizard, driven by accessible names only (what a screen-reader user would hear). */
export class ComposeWizard {
  constructor(readonly page: Page) {}

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Compose' }).click();
    await this.page.getByRole('heading', { name: 'Compose a VM' }).waitFor();
  }

  async choosePod(name: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Pod' }).getByRole('radio', { name }).check();
  }

  get nextButton(): Locator {
    return this.page.getByRole('navigation', { name: 'Wizard' }).getByRole('button', { name: 'Next' });
  }

  async next(): Promise<void> {
    await this.nextButton.click();
  }

  /** A MUI select: open it by its label, then pick the option whose text starts with `option`. */
  async select(scope: Locator | Page, label: string, option: string | RegExp): Promise<void> {
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).click();
    await this.page.getByRole('listbox').waitFor({ state: 'hidden' });
  }

  async fillResources(o: { hostname: string; memoryMiB: number; storage: string; nicRom: boolean }): Promise<void> {
    const p = this.page;
    await p.getByRole('textbox', { name: 'Hostname' }).fill(o.hostname);
    await p.getByRole('textbox', { name: 'Memory (MiB)' }).fill(String(o.memoryMiB));
    await p.getByRole('textbox', { name: 'Storage', exact: true }).fill(o.storage);
    const rom = p.getByLabel('Network boot ROM (iPXE) on NICs');
    if ((await rom.isChecked()) !== o.nicRom) await rom.click();
  }

  get constraintText(): Locator {
    return this.page.getByRole('textbox', { name: 'Interface constraints' });
  }

  nic(n: number): Locator {
    return this.page.getByRole('group', { name: `NIC ${n}`, exact: true });
  }

  /** Adds a NIC in the visual builder and sets its label and first constraint. */
  async addNic(o: { label: string; key: string; operator: 'is' | 'is not'; value: string }): Promise<Locator> {
    const before = await this.page.getByRole('group', { name: /^NIC \d+$/ }).count();
    await this.page.getByRole('button', { name: 'Add NIC', exact: true }).click();
    const nic = this.nic(before + 1);
    await nic.getByRole('textbox', { name: 'Label', exact: true }).fill(o.label);
    const constraint = nic.getByRole('group', { name: 'Constraint 1' });
    await this.select(constraint, 'Key', new RegExp(`^${o.key}\\b`));
    await this.select(constraint, 'Operator', o.operator === 'is' ? /^is$/ : /^is not/);
    const value = constraint.getByRole('combobox', { name: 'Value' });
    await value.fill(o.value);
    await value.press('Escape'); // close the suggestions so they cover nothing
    return nic;
  }

  async pickMode(nic: Locator, mode: string): Promise<void> {
    await this.select(nic, 'macvtap mode', new RegExp(`^${mode}`));
  }

  get livePlan(): Locator {
    return this.page.getByRole('region', { name: 'Live plan' });
  }

  planFor(scope: Locator | Page, ifname: string): Locator {
    return scope.getByRole('article', { name: `Plan for ${ifname}` });
  }

  // ------------------------------------------------------------ Resources: virtualization

  get virtType(): Locator {
    return this.page.getByRole('combobox', { name: 'Virt type', exact: true });
  }

  get cpuMode(): Locator {
    return this.page.getByRole('combobox', { name: 'CPU mode', exact: true });
  }

  get probeResults(): Locator {
    return this.page.getByRole('list', { name: 'Start probe results' });
  }

  // ------------------------------------------------------------ Install

  /** The Install step with its default (network boot) left as it is. */
  async passInstall(): Promise<void> {
    await expect(this.page.getByRole('radio', { name: 'Network boot (PXE)', exact: true })).toBeChecked();
    await this.next();
  }

  async chooseInstall(kind: 'Network boot (PXE)' | 'ISO' | 'Cloud image' | 'Empty disk'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Install source' })
      .getByRole('radio', { name: kind, exact: true })
      .check();
  }

  /** Options of a volume picker ("Cloud image", "ISO volume"), read by opening it and closing it again. */
  async volumeOptions(label: string): Promise<string[]> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    const names = await this.page.getByRole('listbox').getByRole('option').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('listbox').waitFor({ state: 'hidden' });
    return names;
  }

  async pickVolume(label: string, volume: string): Promise<void> {
    await this.select(this.page, label, new RegExp(`^${volume.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} —`));
  }

  async chooseClone(mode: 'Overlay' | 'Full copy'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'How the boot disk is made' })
      .getByRole('radio', { name: new RegExp(`^${mode}`) })
      .check();
  }

  get cloudInit(): Locator {
    return this.page.getByRole('region', { name: 'cloud-init', exact: true });
  }

  /** Types the password twice; the wizard keeps only its hash. */
  async setPassword(password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await this.page.getByRole('textbox', { name: 'Confirm password', exact: true }).fill(password);
  }

  sshKey(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `SSH key ${name}` });
  }

  get otherKeys(): Locator {
    return this.page.getByRole('textbox', { name: 'Other keys' });
  }

  get userData(): Locator {
    return this.page.getByRole('textbox', { name: 'User-data (#cloud-config)' });
  }

  get installPlan(): Locator {
    return this.page.getByRole('region', { name: 'Install plan' });
  }

  // ------------------------------------------------------------ Review

  seedFile(name: 'meta-data' | 'user-data' | 'network-config'): Locator {
    return this.page.getByLabel(`Seed file ${name}`);
  }

  async openSeedFile(name: 'meta-data' | 'user-data' | 'network-config'): Promise<Locator> {
    const button = this.page.getByRole('button', { name: new RegExp(`^${name}\\b`) });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.seedFile(name);
  }
}
