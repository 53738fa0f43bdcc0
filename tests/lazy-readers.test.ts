import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * pdf-parse (pdf.js + a native canvas) and mammoth cost ~200 ms to load; a run over text files must not pay
 * for them. They are reached only through dynamic import(), and the readers themselves are imported lazily.
 */
const src = (p: string): string => readFileSync(`src/${p}`, "utf8");
const STATIC = (spec: string): RegExp => new RegExp(`^\\s*import\\s[^;]*?from\\s+["']${spec.replace(/[./]/g, "\\$&")}["']`, "m");

describe("lazy PDF and Word readers", () => {
  it("imports pdf-parse, mammoth and jszip only dynamically", () => {
    expect(src("ingest/pdf.ts")).not.toMatch(STATIC("pdf-parse"));
    expect(src("ingest/pdf.ts")).toMatch(/await import\("pdf-parse"\)/);
    expect(src("ingest/docx.ts")).not.toMatch(STATIC("mammoth"));
    expect(src("ingest/docx.ts")).not.toMatch(STATIC("jszip"));
    expect(src("ingest/docx.ts")).toMatch(/import\("mammoth"\)/);
  });

  it("loads the PDF, Word and HTML readers only when such a file is met", () => {
    const index = src("ingest/index.ts");
    for (const reader of ["./pdf.js", "./docx.js", "./html.js"]) {
      expect(index).not.toMatch(STATIC(reader));
      expect(index).toContain(`await import("${reader}")`);
    }
  });
});
