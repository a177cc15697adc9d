/** The figures a fault suite prints: what was injected, what survived, what was left or lost. */
export class Figures {
  faultsInjected = 0;
  runs = 0;
  runsSurvived = 0;
  objectsLeaked = 0;
  dataLost = 0;
  readonly notes: string[] = [];

  note(line: string): void {
    this.notes.push(line);
    process.stderr.write(`[faults] ${line}\n`);
  }

  print(title: string): string {
    const text = [
      `== ${title}`,
      `   faults injected: ${this.faultsInjected}`,
      `   runs survived:   ${this.runsSurvived}/${this.runs}`,
      `   objects leaked:  ${this.objectsLeaked} (goal 0)`,
      `   data lost:       ${this.dataLost} (goal 0)`,
      ...this.notes.map((n) => `   - ${n}`),
    ].join('\n');
    console.log(text);
    return text;
  }
}
