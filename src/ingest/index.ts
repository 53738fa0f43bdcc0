import type { ContractDocument } from "../model/document.js";
import type { DealSummary } from "../model/deal.js";
import type { Role } from "../model/party.js";
import { appError, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { buildContract } from "./contract.js";
import { parseDeal, looksLikeDeal } from "./deal-yaml.js";
import { decodeText } from "./decode.js";
import { detectFormat, unsupportedHint, type InputFormat } from "./detect.js";
import { checkText, limitsFor, type ExpansionLimits } from "./expansion.js";

export interface IngestInput {
  /** Path as the user gave it ("-" for stdin). */
  path: string;
  bytes: Uint8Array;
  /** Forces a format (e.g. --stdin-format). */
  format?: InputFormat;
}

export interface IngestOptions {
  roleOverrides?: Record<string, Role>;
  /** Opens a password-protected PDF. */
  password?: string;
  /** Inputs larger than this many bytes are refused (INPUT_TOO_LARGE), and so is what they expand to (expansion.ts). Default 50 MB. */
  maxBytes?: number;
  /** Per-document time budget in ms (--timeout); reading stops at it where it can. 0 or undefined = none. */
  timeoutMs?: number;
  /** Clock for the budget; tests inject one. */
  now?: () => number;
}

/** The expansion limits for one document, with its reading deadline. */
export function readingLimits(options: IngestOptions): ExpansionLimits {
  const limits = limitsFor(options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!options.timeoutMs) return limits;
  const now = options.now ?? (() => performance.now());
  return { ...limits, deadline: { at: now() + options.timeoutMs, now, limitMs: options.timeoutMs } };
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** The size check, shared by ingest and by callers that can refuse a file before reading it. */
export function sizeError(path: string, bytes: number, maxBytes: number = DEFAULT_MAX_BYTES): AppError | null {
  if (bytes <= maxBytes) return null;
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 1);
  return appError("INPUT_TOO_LARGE", `the input is ${mb(bytes)} MB, over the ${mb(maxBytes)} MB limit`, {
    path,
    hint: "raise the limit with --max-size <MB> if this is really a contract",
  });
}

export type Ingested = ContractDocument | DealSummary;

/** Any supported input → document model. Knows nothing of rules. */
export async function ingest(input: IngestInput, options: IngestOptions = {}): Promise<Result<Ingested>> {
  const { path, bytes } = input;
  if (bytes.length === 0) return err(appError("INPUT_EMPTY", "the file is empty", { path }));
  const tooLarge = sizeError(path, bytes.length, options.maxBytes);
  if (tooLarge) return err(tooLarge);
  const format = input.format ?? detectFormat(path, bytes);
  const limits = readingLimits(options);
  switch (format) {
    case "pdf": {
      const { readPdf } = await import("./pdf.js");
      return readPdf(path, bytes, { roleOverrides: options.roleOverrides, password: options.password, limits });
    }
    case "docx": {
      const { readDocx } = await import("./docx.js");
      return readDocx(path, bytes, { roleOverrides: options.roleOverrides, limits });
    }
    case "html": {
      const { readHtml } = await import("./html.js");
      return readHtml(path, decodeText(bytes).text, { roleOverrides: options.roleOverrides, limits });
    }
    case "yaml": {
      const { text } = decodeText(bytes);
      if (!looksLikeDeal(text)) {
        return err(
          appError("INPUT_UNSUPPORTED_FORMAT", "YAML file is not a deal summary (no top-level deal/parties/pricing/risk key)", { path }),
        );
      }
      return parseDeal(path, text);
    }
    case "text":
    case "markdown": {
      const { text } = decodeText(bytes);
      // A .txt that is really a deal summary is still a deal summary: content decides.
      if (
        /^\s*(?:#.*\n\s*)*(?:deal|parties|pricing|relationship|risk|shared_vision)\s*:/m.test(text.slice(0, 4000)) &&
        looksYamlOnly(text)
      ) {
        return parseDeal(path, text);
      }
      const over = checkText(path, text, limits);
      if (over) return err(over);
      return ok(buildContract(path, format, text, { roleOverrides: options.roleOverrides }));
    }
    case "deal":
      return parseDeal(path, decodeText(bytes).text);
    default:
      return err(
        appError("INPUT_UNSUPPORTED_FORMAT", "unsupported file type", {
          path,
          hint: unsupportedHint(bytes) ?? "use .txt, .md, .pdf, .docx, .html or a YAML deal summary",
        }),
      );
  }
}

/** Every non-blank, non-comment line is a YAML key or list item: the file is YAML, not prose. */
function looksYamlOnly(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith("#"));
  return lines.length > 0 && lines.every((l) => /^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*:/.test(l) || /^\s+(?:-\s+)?\S/.test(l));
}
