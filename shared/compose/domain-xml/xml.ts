import { XMLBuilder } from 'fast-xml-parser';

/**
 * The one way compose code writes XML: fast-xml-parser's XMLBuilder with attributes under `@_`,
 * text under `#text`, entity escaping on (& < > ' " in text and attributes), empty elements
 * self-closed and "true" attribute values kept as values (the builder would otherwise drop them).
 */
export function xmlBuilder(pretty = true): XMLBuilder {
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: pretty,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: true,
  });
}

/** Characters XML 1.0 cannot carry at all (not even escaped), and newlines where libvirt refuses them. */
export const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
