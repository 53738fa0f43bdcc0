import { constants, inflateRawSync, inflateSync } from "node:zlib";
import type { AppError } from "../shared/errors.js";
import { deadlinePassed, expansionError, readingTimeout, type ExpansionLimits } from "./expansion.js";

/**
 * What a PDF's compressed streams expand to, measured before pdf.js reads it: a 306 KB file can hold a
 * 300 MB text string (or a megabyte of whitespace that decodes to 1.6 GB), and pdf.js decodes a content stream
 * in one piece. Each FlateDecode stream is inflated here with an output cap equal to what is left of the
 * budget, so the check itself never holds more than the budget. Streams that do not inflate (encrypted,
 * damaged, other filters) are left to pdf.js, which reports its own error.
 */
export function checkPdfStreams(path: string, bytes: Uint8Array, limits: ExpansionLimits): AppError | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let expanded = 0;
  let at = 0;
  for (;;) {
    const keyword = buf.indexOf("stream", at, "latin1");
    if (keyword < 0) return null;
    at = keyword + 6;
    // `endstream` also contains "stream"; a stream keyword is followed by an end of line.
    if (keyword >= 3 && buf.toString("latin1", keyword - 3, keyword) === "end") continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) {
      if (start === at) continue;
    } else start++;
    const end = buf.indexOf("endstream", start, "latin1");
    if (end < 0) return null;
    at = end + 9;
    const dictStart = Math.max(0, buf.lastIndexOf("obj", keyword, "latin1"));
    const dict = buf.toString("latin1", dictStart, keyword);
    if (!/\/FlateDecode|\/Fl\b/.test(dict)) continue;
    // Text extraction never decodes images: a scanned page's large bitmap is not text that can expand.
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const room = limits.maxExpandedBytes - expanded;
    const size = inflatedSize(buf.subarray(start, end), room + 1);
    expanded += size;
    if (expanded > limits.maxExpandedBytes) return expansionError(path, "maxExpandedBytes", limits, "compressed streams");
    if (deadlinePassed(limits)) return readingTimeout(path, limits.deadline!.limitMs);
  }
}

/** Bytes the data inflates to, at most `cap` (more means "over"); 0 when it is not a deflate stream. */
function inflatedSize(data: Buffer, cap: number): number {
  const lenient = { maxOutputLength: Math.max(1, cap), finishFlush: constants.Z_SYNC_FLUSH };
  for (const attempt of [() => inflateSync(data, lenient), () => inflateRawSync(data.subarray(2), lenient)]) {
    try {
      return attempt().length;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return cap;
    }
  }
  return 0;
}
