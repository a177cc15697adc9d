import type { Locator, Page } from '@playwright/test';

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
}
