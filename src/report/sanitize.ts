/**
 * Contract text must not be able to drive a terminal: ESC sequences, other C0/C1 controls and bidi overrides
 * become visible placeholders or spaces before anything is printed.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "␛")
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "␛")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => (c === "\u001b" ? "␛" : " "))
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
}

/**
 * One terminal line from any field (a file name, a baseline entry): terminalSafe, and line breaks and tabs shown
 * as `\x0a`, so a field can never start a line of its own (a forged "trustlint: all clear").
 */
export function terminalLine(text: string): string {
  return terminalSafe(String(text)).replace(/[\t\n\r\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
