import { Parser } from "htmlparser2";

/**
 * The only importer of htmlparser2: a streaming tag/text walk used for HTML exhibits and for the XML parts of a
 * DOCX (numbering definitions). Entities are decoded by the parser; tag names arrive lower-cased in HTML mode
 * and as written ("w:p") in XML mode.
 */
export interface MarkupHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

export function walkMarkup(source: string, handlers: MarkupHandlers, options: { xml?: boolean } = {}): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(name, attributes),
      onclosetag: (name) => handlers.close?.(name),
      ontext: (text) => handlers.text?.(text),
    },
    { xmlMode: options.xml ?? false, decodeEntities: true, lowerCaseTags: !options.xml, recognizeSelfClosing: options.xml ?? false },
  );
  parser.write(source);
  parser.end();
}
