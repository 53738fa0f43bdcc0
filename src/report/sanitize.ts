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
