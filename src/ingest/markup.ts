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

export interface WalkOptions {
  xml?: boolean;
  /**
   * Deepest element nesting allowed. htmlparser2 keeps open elements in an array it inserts at the front of,
   * so each open element costs time in proportion to the depth: 160k nested `<div>` took 16 s. The walk stops
   * at this depth and reports it.
   */
  maxDepth?: number;
  /** Asked every few thousand events; true stops the walk (reading past --timeout). */
  stop?: () => boolean;
}

/** Why a walk stopped early, or null when it read everything. */
export type WalkEnd = null | { reason: "depth"; depth: number } | { reason: "stopped" };

class StopWalk extends Error {}

export function walkMarkup(source: string, handlers: MarkupHandlers, options: WalkOptions = {}): WalkEnd {
  let depth = 0;
  let events = 0;
  let end: WalkEnd = null;
  const maxDepth = options.maxDepth ?? Infinity;
  const tick = (): void => {
    if ((++events & 4095) === 0 && options.stop?.()) {
      end = { reason: "stopped" };
      throw new StopWalk();
    }
  };
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        tick();
        if (++depth > maxDepth) {
          end = { reason: "depth", depth };
          throw new StopWalk();
        }
        handlers.open?.(name, attributes);
      },
      onclosetag: (name) => {
        tick();
        depth = Math.max(0, depth - 1);
        handlers.close?.(name);
      },
      ontext: (text) => {
        tick();
        handlers.text?.(text);
      },
    },
    { xmlMode: options.xml ?? false, decodeEntities: true, lowerCaseTags: !options.xml, recognizeSelfClosing: options.xml ?? false },
  );
  try {
    parser.write(source);
    parser.end();
  } catch (e) {
    if (!(e instanceof StopWalk)) throw e;
  }
  return end;
}
