import type { DocumentFormat } from "../model/document.js";
import { decodeText } from "./decode.js";

export type InputFormat = DocumentFormat | "yaml";

/**
 * Format from content first (magic bytes, markup shape), then the extension: a PDF saved as .txt is still a PDF,
 * and stdin ("-") has no extension at all. Returns null for formats trustlint cannot read.
 */
export function detectFormat(path: string, bytes: Uint8Array): InputFormat | null {
  const magic = sniffBinary(bytes);
  if (magic === "pdf" || magic === "docx") return magic;
  const ext = extensionOf(path);
  // A zip named .docx is meant to be Word: the reader then says precisely what is wrong with it.
  if (magic === "zip" && ext === "docx") return "docx";
  if (magic) return null; // legacy .doc, RTF, other archives: known not to be readable
  if (ext === "pdf") return "pdf"; // no %PDF header: the PDF reader reports it as corrupt, which is more useful
  if (ext === "docx") return "docx";
  if (looksLikeHtml(bytes) || ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "yaml" || ext === "yml") return "yaml";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "txt" || ext === "text" || ext === "") return "text";
  return null;
}

/** Binary formats recognised by their first bytes. */
export function sniffBinary(bytes: Uint8Array): "pdf" | "docx" | "doc" | "rtf" | "zip" | null {
  // PDF readers accept "%PDF-" anywhere in the first 1 KB (some generators put junk first).
  if (indexOfAscii(bytes, "%PDF-", 1024) >= 0) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)) {
    // An Office Open XML package names its parts in the zip directory near the start.
    return indexOfAscii(bytes, "word/", 64 * 1024) >= 0 || indexOfAscii(bytes, "[Content_Types].xml", 4096) >= 0 ? "docx" : "zip";
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "doc";
  if (indexOfAscii(bytes, "{\\rtf", 8) === 0) return "rtf";
  return null;
}

/** Why a recognised binary cannot be read, for the error hint. */
export function unsupportedHint(bytes: Uint8Array): string | null {
  switch (sniffBinary(bytes)) {
    case "doc":
      return "this is a legacy Word .doc file; save it as .docx or PDF";
    case "rtf":
      return "this is an RTF file; save it as .docx, PDF or plain text";
    case "zip":
      return "this is a zip archive but not a Word document; unzip it and check the files inside";
    default:
      return null;
  }
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 4096))
    .text.replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
  if (/^(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype html|<html))/.test(head)) return true;
  // EDGAR exhibits and fragments: an SGML wrapper or a block tag first, and more markup after it.
  return (
    /^(?:<document>|<type>|<(?:body|head|div|p|table|font|center|title)[\s>])/.test(head) &&
    (head.match(/<\/?[a-z][\w-]*[\s>/]/g)?.length ?? 0) >= 3
  );
}

function indexOfAscii(bytes: Uint8Array, needle: string, within: number): number {
  const limit = Math.min(bytes.length, within) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function extensionOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export const SUPPORTED_EXTENSIONS = ["txt", "text", "md", "markdown", "yaml", "yml", "pdf", "docx", "html", "htm"] as const;
