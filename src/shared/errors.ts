/**
 * Expected failures are values with stable codes, never thrown strings. The CLI turns them into one line on
 * stderr and an exit code; the JSON report carries `{code, message}` per document.
 */
export const ERROR_CODES = [
  // input
  "INPUT_NOT_FOUND",
  "INPUT_UNREADABLE",
  "INPUT_IS_DIRECTORY",
  "INPUT_TOO_LARGE",
  "INPUT_UNSUPPORTED_FORMAT",
  "INPUT_EMPTY",
  "PDF_NO_TEXT",
  "PDF_ENCRYPTED",
  "PDF_CORRUPT",
  "DOCX_CORRUPT",
  "DEAL_YAML_SYNTAX",
  "DEAL_SCHEMA",
  // rules and configuration
  "RULE_YAML_SYNTAX",
  "RULE_SCHEMA",
  "RULE_DUPLICATE_ID",
  "RULE_UNKNOWN_TOPIC",
  "RULE_REGEX",
  "RULE_UNSAFE_REGEX",
  "CONFIG_YAML_SYNTAX",
  "CONFIG_SCHEMA",
  // run time
  "ANALYSIS_TIMEOUT",
  "REGEX_TIMEOUT",
  "OUTPUT_UNWRITABLE",
  "INTERNAL",
  "USAGE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** File the error is about, as given by the user. */
  path?: string;
  /** 1-based position inside that file, when the error points into it. */
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
  /** Stack or cause, shown only with --debug. */
  detail?: string;
  /** Further problems of the same file (a deal summary's other schema errors), each printed on its own line. */
  related?: AppError[];
}

export function appError(code: ErrorCode, message: string, extra: Omit<AppError, "code" | "message"> = {}): AppError {
  return { code, message, ...extra };
}

/** `file:line:col: CODE message (hint)` — the one-line form every error is printed in. */
export function formatError(error: AppError): string {
  const where = error.path
    ? `${visiblePath(error.path)}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ""}` : ""}: `
    : "";
  const hint = error.hint ? ` (${error.hint})` : "";
  return `${where}${error.code} ${oneLine(error.message)}${hint}`;
}

/** A file name may hold newlines or escape sequences; printed escaped, the error stays one harmless line. */
function visiblePath(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

function oneLine(text: string): string {
  // Messages can quote input (a YAML key, a PDF library message): no control character reaches the terminal.
  return visiblePath(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

/** Thrown only to carry an AppError across layers that cannot return a Result (e.g. deep inside a loader). */
export class AppErrorException extends Error {
  constructor(readonly error: AppError) {
    super(formatError(error));
    this.name = "AppErrorException";
  }
}

export function isAppErrorException(value: unknown): value is AppErrorException {
  return value instanceof AppErrorException;
}
