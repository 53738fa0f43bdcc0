import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

async function brokenDocx(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-once-"));
  const p = join(dir, "broken.docx");
  // A zip signature and then nothing a zip reader can use.
  await writeFile(p, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
  return p;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("a document's error is printed once", { timeout: 60_000 }, () => {
  it("terminal and compact: on stderr only, not repeated in the report", async () => {
    const bad = await brokenDocx();
    for (const format of ["terminal", "compact"]) {
      const io = fakeIo();
      expect(await main(["check", bad, "fixtures/contracts/mixed-draft.md", "-f", format, "--no-config", "--no-color"], io)).toBe(2);
      expect(count(io.err, "DOCX_CORRUPT")).toBe(1);
      expect(io.out).not.toContain("not a Word .docx file");
    }
  });

  it("github on stdout: the annotation is the message, stderr stays quiet", async () => {
    const bad = await brokenDocx();
    const io = fakeIo();
    expect(await main(["check", bad, "-f", "github", "--no-config"], io)).toBe(2);
    expect(io.out).toMatch(/^::error file=.*broken\.docx,title=trustlint DOCX_CORRUPT::/m);
    expect(io.err).toBe("");
  });

  it("DOCX_CORRUPT is one clean line without the zip library's message or URL (kept for --debug)", async () => {
    const bad = await brokenDocx();
    const io = fakeIo();
    await main(["check", bad, "-f", "json", "--no-config"], io);
    const line = io.err.trim();
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toMatch(/DOCX_CORRUPT not a Word \.docx file \(open it in Word/);
    expect(line).not.toMatch(/https?:|central directory|zip file/i);
    expect(JSON.parse(io.out).documents[0].error.message).toBe("not a Word .docx file");
    const debug = fakeIo();
    await main(["check", bad, "-f", "json", "--no-config", "--debug"], debug);
    expect(debug.err).toMatch(/reader said: .*central directory/i);
  });
});
