import { appError, formatError } from "../shared/errors.js";

/**
 * Unhandled promise rejections, for bin/trustlint.js.
 *
 * pdf.js answers a damaged PDF through several promises. The one pdf-parse awaits becomes the document's
 * PDF_CORRUPT / PDF_ENCRYPTED error; a sibling that nobody awaits (a page or loading promise settled after the
 * document was given up, or the worker being torn down) can reject too, after the document is already reported.
 * Those, and only those, are ignored: any other unhandled rejection is a bug and ends the run (exit 2).
 */

/** Names of the exceptions pdf.js sends from its worker to the caller (pdf.js `wrapReason`), plus FormatError. */
const PDFJS_EXCEPTIONS = new Set([
  "AbortException",
  "FormatError",
  "InvalidPDFException",
  "MissingPDFException",
  "PasswordException",
  "ResponseException",
  "UnexpectedResponseException",
  "UnknownErrorException",
]);

/** Plain errors pdf.js rejects with while a loading task or its worker is destroyed. */
const PDFJS_TEARDOWN = /^(?:Loading aborted|Worker was destroyed|Worker was terminated)/;

/**
 * True for a rejection pdf.js is known to leave unhandled. pdf.js's exceptions are built on its `BaseException`,
 * whose prototype is one shared `new Error()`: they carry a pdf.js name and have no stack of their own. The
 * teardown errors are ordinary Errors, recognised by their message and a stack that starts inside pdfjs-dist.
 */
export function isPdfJsRejection(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  if (PDFJS_EXCEPTIONS.has(reason.name) && !Object.hasOwn(reason, "stack")) return true;
  const firstFrame = (reason.stack ?? "").split("\n").find((line) => /^\s+at /.test(line)) ?? "";
  return PDFJS_TEARDOWN.test(reason.message) && /[\\/]pdfjs-dist[\\/]/.test(firstFrame);
}

/** What an unexpected rejection prints: one line (`trustlint: INTERNAL …`), the stack only with --debug. */
export function rejectionMessage(reason: unknown, debug: boolean): string {
  const message = reason instanceof Error ? reason.message : String(reason);
  const line = formatError(
    appError("INTERNAL", `unhandled promise rejection: ${message}`, {
      hint: debug ? "please report this" : "run with --debug for the stack, and please report this",
    }),
  );
  const stack = debug && reason instanceof Error && reason.stack ? `${reason.stack}\n` : "";
  return `trustlint: ${line}\n${stack}`;
}
