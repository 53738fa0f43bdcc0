import { mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";

/**
 * The file system as a batch over a shared folder meets it: links that loop or dangle, directories where files
 * were expected, odd names, and files that vanish between listing and reading. Each bad path is one line on
 * stderr and one error entry; the good file next to it is still analysed.
 */
const CONTRACT = "1. Indemnity\n\nThe Supplier shall indemnify the Customer against all claims.\n";

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-fs-"));
  const good = join(dir, "good.txt");
  await writeFile(good, CONTRACT);
  return { dir, good };
}

type JsonReport = { documents: { path: string; error: { code: string; message: string } | null }[] };

async function run(paths: string[], overrides: Parameters<typeof fakeIo>[0] = {}) {
  const io = fakeIo(overrides);
  const code = await main(["check", "--format", "json", ...paths], io);
  const report = JSON.parse(io.out) as JsonReport;
  const errLines = io.err.trim().split("\n").filter(Boolean);
  return { code, report, errLines, io };
}

describe("file system edge cases", () => {
  it("a symlink loop and a broken link are one-line errors; the good file is reported", async () => {
    const { dir, good } = await setup();
    await symlink(join(dir, "b.txt"), join(dir, "a.txt"));
    await symlink(join(dir, "a.txt"), join(dir, "b.txt"));
    await symlink(join(dir, "nowhere.txt"), join(dir, "dangling.txt"));
    const { code, report, errLines } = await run([join(dir, "a.txt"), join(dir, "dangling.txt"), good]);
    expect(code).toBe(2);
    expect(report.documents.map((d) => d.error?.code ?? "ok")).toEqual(["INPUT_UNREADABLE", "INPUT_NOT_FOUND", "ok"]);
    expect(report.documents[0]!.error!.message).toMatch(/symbolic links/);
    expect(errLines).toHaveLength(2);
  });

  it("a directory is walked (its files reported once), and a file used as a directory component is an error", async () => {
    const { dir, good } = await setup();
    const { report, errLines } = await run([dir, join(good, "child.txt"), good]);
    // Output is sorted by path; good.txt comes from the folder and from its own argument, and is reported once.
    expect(report.documents.map((d) => [d.path, d.error?.code ?? "ok"])).toEqual([
      [good, "ok"],
      [join(good, "child.txt"), "INPUT_NOT_FOUND"],
    ]);
    expect(errLines).toHaveLength(1);
  });

  it("names with spaces, newlines, escape sequences and non-UTF-8 bytes work or fail on one escaped line", async () => {
    const { dir, good } = await setup();
    const spaced = join(dir, "my contract (final) v2.txt");
    const newline = join(dir, "evil\nname\u001b[31m.txt");
    await writeFile(spaced, CONTRACT);
    await writeFile(newline, CONTRACT);
    // A name that is not valid UTF-8 reaches Node as U+FFFD and cannot be opened by that name.
    const latin1 = Buffer.concat([Buffer.from(join(dir, "caf")), Buffer.from([0xe9]), Buffer.from(".txt")]);
    await writeFile(latin1, CONTRACT);
    const mangled = join(dir, "caf\ufffd.txt");
    const { report, errLines, io } = await run([spaced, newline, mangled, good]);
    const codes = Object.fromEntries(report.documents.map((d) => [d.path, d.error?.code ?? "ok"]));
    expect(codes).toEqual({ [spaced]: "ok", [newline]: "ok", [mangled]: "INPUT_NOT_FOUND", [good]: "ok" });
    expect(errLines).toHaveLength(1);
    // The terminal report shows the odd name without letting it move the cursor or colour the screen.
    const term = fakeIo();
    await main(["check", newline, "--no-color"], term);
    expect(term.out).not.toContain("\u001b");
    expect(io.err).not.toContain("\u001b");
  });

  it("an error about a file whose name holds a newline is still one line", async () => {
    const { dir } = await setup();
    const { errLines } = await run([join(dir, "gone\nfile.txt")]);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toContain("gone\\x0afile.txt: INPUT_NOT_FOUND");
  });

  it("a file that disappears between stat and read is that file's error; the batch goes on", async () => {
    const { dir, good } = await setup();
    const doomed = join(dir, "doomed.txt");
    await writeFile(doomed, CONTRACT);
    const vanishing = async (p: string) => {
      const s = await stat(p);
      if (p === doomed) await rm(p);
      return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
    };
    const { code, report, errLines } = await run([doomed, good], { stat: vanishing });
    expect(code).toBe(2);
    expect(report.documents.map((d) => d.error?.code ?? "ok")).toEqual(["INPUT_NOT_FOUND", "ok"]);
    expect(errLines).toHaveLength(1);
  });

  it("a device is refused instead of read forever", async () => {
    const { good } = await setup();
    const { report } = await run(["/dev/zero", good]);
    expect(report.documents.map((d) => d.error?.code ?? "ok")).toEqual(["INPUT_UNREADABLE", "ok"]);
  });

  it("a read error such as EACCES or EIO is named, not dumped", async () => {
    const { good } = await setup();
    const eio = Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
    const { report, errLines } = await run([good], { readFile: async () => Promise.reject(eio) });
    expect(report.documents[0]!.error).toMatchObject({ code: "INPUT_UNREADABLE", message: "cannot read the file: input/output error" });
    expect(errLines).toHaveLength(1);
  });
});
