import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

describe("CSV parties and top flags", { timeout: 60_000 }, () => {
  it("lists the parties with their roles and the three most severe flags, one per rule", async () => {
    const io = fakeIo();
    await main(["check", "fixtures/contracts/one-sided-msa.md", "-f", "csv", "--no-config"], io);
    const [header, row] = parse(io.out) as string[][];
    const json = fakeIo();
    await main(["check", "fixtures/contracts/one-sided-msa.md", "-f", "json", "--no-config"], json);
    const doc = JSON.parse(json.out).documents[0];
    const parties = row![header!.indexOf("parties")]!;
    expect(parties).toBe(doc.parties.map((p: { name: string; role: string }) => `${p.name} (${p.role})`).join("; "));
    expect(parties).toMatch(/\((buyer|supplier)\); .*\((buyer|supplier)\)/);
    const top = row![header!.indexOf("top_flags")]!.split("; ");
    expect(top).toHaveLength(3);
    expect(top[0]).toMatch(/^[a-z0-9-]+: .+ \(critical(, clause [^)]+)?\)$/);
    const ids = top.map((t) => t.split(":")[0]);
    expect(new Set(ids).size).toBe(3);
    const flags = doc.findings.filter((f: { kind: string }) => f.kind === "flag").map((f: { ruleId: string }) => f.ruleId);
    for (const id of ids) expect(flags).toContain(id);
  });
});
