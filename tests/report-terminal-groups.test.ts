import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fit, renderPortfolio, portfolioRow, sharedFolder } from "../src/report/portfolio.js";
import { fakeIo } from "./helpers.js";

describe("terminal report", () => {
  it("lists each strength rule once with the clauses it matched", async () => {
    const io = fakeIo();
    await main(["check", "fixtures/contracts/vested-agreement.md", "--no-color", "--no-config"], io);
    const strengths = io.out.slice(
      io.out.indexOf("  Strengths"),
      io.out.indexOf("  Fix first") >= 0 ? io.out.indexOf("  Fix first") : undefined,
    );
    const lines = strengths.split("\n").filter((l) => l.includes("✓"));
    const ids = lines.map((l) => /\[([a-z0-9-]+)\]/.exec(l)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    const governance = lines.find((l) => l.includes("[gv-joint-governance-body]"))!;
    expect(governance).toMatch(/clauses 5\.1, 5\.2, 5\.3, 7\.2 \(4×\)/);
  });

  it("keeps the company name in portfolio rows: shared folder said once, long names cut in the middle", () => {
    expect(fit("acme-corporation-master-services-agreement-2024-final.pdf", 30)).toMatch(/^acme-corporation-ma.*…final\.pdf$/);
    expect(fit("acme-corporation-master-services-agreement-2024-final.pdf", 30)).toHaveLength(30);
    expect(sharedFolder(["contracts/2024/a.md", "contracts/2024/b.md"])).toBe("contracts/2024/");
    const doc = (path: string) => ({
      path,
      format: "text" as const,
      error: null,
      parties: [],
      score: { overall: 50, principles: [] },
      facts: [],
      findings: [],
    });
    const text = renderPortfolio([
      portfolioRow(doc("/very/long/shared/folder/of/the/consultant/acme-corporation-master-services-agreement-v3.pdf")),
      portfolioRow(doc("/very/long/shared/folder/of/the/consultant/beta-industries-msa.docx")),
    ]);
    expect(text).toContain("in /very/long/shared/folder/of/the/consultant/");
    expect(text).toMatch(/^ {2}acme-corporation-master-services…greement-v3\.pdf {2,}50/m);
    expect(text).toMatch(/^ {2}beta-industries-msa\.docx/m);
  });
});
