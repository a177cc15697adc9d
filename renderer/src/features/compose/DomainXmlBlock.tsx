import { XmlLinesBlock, type XmlLine } from '../../components/XmlLinesBlock';

/** The domain XML's lines, those of an <interface> element marked: the part of the XML this wizard decided. */
function withNicsMarked(xml: string): XmlLine[] {
  let inside = false;
  return xml
    .replace(/\n$/, '')
    .split('\n')
    .map((text): XmlLine => {
      const opens = /<interface[\s>]/.test(text);
      const closes = /<\/interface>/.test(text) || (opens && /\/>\s*$/.test(text));
      const mark = inside || opens;
      if (opens) inside = true;
      if (closes) inside = false;
      return mark ? { text, tint: 'mark' } : { text };
    });
}

/**
 * The domain XML exactly as `virsh define` gets it, the NICs tinted so the attachment the plan
 * chose is easy to find. It opens with the first NIC in view: the rest is boilerplate.
 */
export function DomainXmlBlock({ xml }: { xml: string }) {
  const lines = withNicsMarked(xml);
  return (
    <XmlLinesBlock
      lines={lines}
      // Inside the "Domain XML" section: a name of its own, so the section stays the one region of that name.
      label="Scrollable XML text"
      maxHeight="60vh"
      openAt={lines.findIndex((l) => l.tint === 'mark')}
    />
  );
}
