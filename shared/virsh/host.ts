import { flag, option, type VirshArgs } from './argv';

/** Commands about the connection and the host itself. */
export const host = {
  uri: (): VirshArgs => ['uri'],
  version: (o: { daemon?: boolean } = {}): VirshArgs => ['version', ...flag('--daemon', o.daemon)],
  nodeinfo: (): VirshArgs => ['nodeinfo'],
  domcapabilities: (o: { virttype?: string; arch?: string } = {}): VirshArgs => [
    'domcapabilities',
    ...option('--virttype', o.virttype),
    ...option('--arch', o.arch),
  ],
  /** virsh's own `echo` (markers between the commands of a chain). */
  echo: (...words: string[]): VirshArgs => ['echo', ...words],
};
