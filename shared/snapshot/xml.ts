import { XMLParser } from 'fast-xml-parser';

/**
 * One fast-xml-parser set-up for every libvirt XML we read, plus helpers to walk its loosely typed
 * output. Values stay strings (parseTagValue off): a domain named "007" must not become 7.
 * htmlEntities also decodes numeric references (&#39;), which libvirt may emit.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** A parsed element: attributes under '@name', text under '#text', children by tag name. */
export type XmlNode = Record<string, unknown>;

/** Parses `xml` and returns its `root` element, or undefined when the text holds no such element. */
export function parseXmlRoot(xml: string, root: string): XmlNode | undefined {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return undefined;
  }
  if (!isNode(doc)) return undefined;
  const el = doc[root];
  // An element without attributes or children parses as a bare string ('' when empty).
  if (typeof el === 'string') return { '#text': el };
  return isNode(el) ? el : undefined;
}

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The child elements called `name` (repeated elements parse as arrays, single ones don't). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (isNode(x) ? x : { '#text': typeof x === 'string' ? x : String(x) }));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function text(node: XmlNode | undefined): string | undefined {
  const v = node?.['#text'];
  return typeof v === 'string' ? v : undefined;
}

/** Text of the first child `name`, '' for an empty element, undefined when absent. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  return c === undefined ? undefined : (text(c) ?? '');
}
