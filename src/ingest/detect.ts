import type { DocumentFormat } from "../model/document.js";

export type InputFormat = DocumentFormat | "yaml";

/** Format from content first (magic bytes, YAML shape), then the extension. */
export function detectFormat(path: string, bytes: Uint8Array): InputFormat | null {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf"; // %PDF
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return "docx"; // PK zip
  const ext = extensionOf(path);
  if (ext === "pdf") return "pdf";
  if (ext === "docx") return "docx";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2048)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/.test(head) || ext === "html" || ext === "htm") return "html";
  if (ext === "yaml" || ext === "yml") return "yaml";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "txt" || ext === "text" || ext === "") return "text";
  return null;
}

export function extensionOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export const SUPPORTED_EXTENSIONS = ["txt", "text", "md", "markdown", "yaml", "yml", "pdf", "docx", "html", "htm"] as const;
