import { describe, expect, it } from "vitest";
import { decodeText, detectEncoding } from "../src/ingest/decode.js";
import { detectFormat } from "../src/ingest/detect.js";
import { htmlToText } from "../src/ingest/html.js";
import { ingest } from "../src/ingest/index.js";
import { normalise } from "../src/ingest/normalise.js";
import type { ContractDocument } from "../src/model/document.js";

const CLAUSE = "7.1 The Supplier's total liability shall not exceed the charges paid.";

function utf16(text: string, endian: "le" | "be", bom = true): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const body = endian === "le" ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return Uint8Array.from([...(bom ? mark : []), ...body]);
}

async function contractOf(path: string, bytes: Uint8Array): Promise<ContractDocument> {
  const doc = await ingest({ path, bytes });
  if (!doc.ok || doc.value.kind !== "contract") throw new Error(`not a contract: ${JSON.stringify(doc)}`);
  return doc.value;
}

describe("text encodings", () => {
  it("reads UTF-8 with and without a BOM the same", () => {
    const plain = new TextEncoder().encode("Café — “quoted”");
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(plain)).toEqual({ text: "Café — “quoted”", encoding: "utf-8" });
    expect(decodeText(bom)).toEqual({ text: "Café — “quoted”", encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    expect(decodeText(utf16("Prix: 5 € par mois", "le"))).toEqual({ text: "Prix: 5 € par mois", encoding: "utf-16le" });
    expect(decodeText(utf16("Prix: 5 € par mois", "be"))).toEqual({ text: "Prix: 5 € par mois", encoding: "utf-16be" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // 0x93/0x94 are curly quotes, 0x80 the euro sign and 0xE9 é in Windows-1252; none is valid UTF-8 here.
    const bytes = Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]);
    expect(detectEncoding(bytes).encoding).toBe("windows-1252");
    expect(decodeText(bytes).text).toBe("\u201cCafé\u201d €5");
  });

  it("finds the same clause in UTF-16 and Windows-1252 files as in UTF-8", async () => {
    const text = `SERVICES AGREEMENT\n\n7. Liability\n\n${CLAUSE}\n`;
    const reference = await contractOf("a.txt", new TextEncoder().encode(text));
    for (const bytes of [utf16(text, "le"), utf16(text, "be"), Uint8Array.from(Buffer.from(text.replace("'", "\u2019"), "latin1"))]) {
      const doc = await contractOf("b.txt", bytes);
      expect(doc.clauses.map((c) => c.label)).toEqual(reference.clauses.map((c) => c.label));
    }
  });
});

describe("messy text normalisation", () => {
  it("maps CRLF, form feeds, NBSP, smart quotes and soft hyphens while keeping offsets into the source", () => {
    const source = "1.\u00a0Term\r\n\fThe \u201cSupplier\u201d shall\u00a0not ter\u00adminate.\r\n";
    const { text, map } = normalise(source);
    expect(text).toBe('1. Term\n\nThe "Supplier" shall not terminate.\n');
    expect(map).not.toBeNull();
    const at = text.indexOf("terminate");
    expect(source.slice(map![at]!, map![at]! + 3)).toBe("ter");
    expect(source[map![text.indexOf('"Supplier"')]!]).toBe("\u201c");
  });

  it("segments a CRLF file with form feeds like its LF twin", async () => {
    const lf = `1. Services\n\n1.1 The Supplier shall provide the services.\n\n2. Liability\n\n2.1 ${CLAUSE.slice(4)}\n`;
    const crlf = lf.replace(/\n/g, "\r\n").replace("2. Liability", "\f2. Liability");
    const a = await contractOf("lf.txt", new TextEncoder().encode(lf));
    const b = await contractOf("crlf.txt", new TextEncoder().encode(crlf));
    expect(b.clauses.map((c) => c.label)).toEqual(a.clauses.map((c) => c.label));
  });
});

describe("HTML reader", () => {
  const html = `<!DOCTYPE html><html><head><title>EX-10.1</title><style>p{margin:0}</style>
    <script>document.write("1.1 The Customer shall indemnify everyone.")</script></head>
    <body><div><h2>ARTICLE 7 &ndash; LIABILITY</h2>
    <p style="text-indent:5%"><b>7.1</b>&nbsp;&nbsp;The Supplier&#8217;s total liability
    shall not exceed the charges paid &amp; payable.</p>
    <p>7.2 Neither party excludes liability for fraud.<br>This line follows a break.</p>
    <ul><li>first item</li><li>second item</li></ul>
    <table><tr><td>Service</td><td>Charge</td></tr><tr><td>Hosting</td><td>$1,000</td></tr></table>
    <noscript>enable scripts</noscript></div></body></html>`;

  it("keeps block structure and drops scripts and styles", () => {
    const text = htmlToText(html);
    expect(text).not.toMatch(/indemnify|margin|enable scripts|EX-10\.1/);
    const blocks = text.split("\n\n");
    expect(blocks).toContain("## ARTICLE 7 \u2013 LIABILITY");
    expect(blocks).toContain("7.1 The Supplier\u2019s total liability shall not exceed the charges paid & payable.");
    expect(blocks).toContain("7.2 Neither party excludes liability for fraud.\nThis line follows a break.");
    expect(blocks).toContain("first item");
    expect(blocks).toContain("Hosting\t$1,000");
  });

  it("builds clauses from an HTML exhibit", async () => {
    const doc = await contractOf("ex10.htm", new TextEncoder().encode(html));
    expect(doc.format).toBe("html");
    expect(doc.clauses.map((c) => c.label)).toEqual(expect.arrayContaining(["7.1", "7.2"]));
  });

  it("recognises HTML by content, including EDGAR fragments without a doctype", () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(detectFormat("-", enc("<html><body><p>x</p></body></html>"))).toBe("html");
    expect(detectFormat("-", enc("<DOCUMENT>\n<TYPE>EX-10.2\n<TEXT>\n<p>1. Services</p>"))).toBe("html");
    expect(detectFormat("-", enc("1. Services. The <b>Supplier</b> shall..."))).toBe("text");
    expect(detectFormat("exhibit.htm", enc("plain words"))).toBe("html");
  });
});

describe("format detection", () => {
  it("recognises binaries it cannot read and says so", async () => {
    const doc = await ingest({ path: "old.doc", bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    expect(doc.ok ? null : doc.error.code).toBe("INPUT_UNSUPPORTED_FORMAT");
    expect(doc.ok ? null : doc.error.hint).toMatch(/\.docx/);
  });

  it("refuses inputs over the size limit with INPUT_TOO_LARGE", async () => {
    const bytes = new TextEncoder().encode("x".repeat(2048));
    const doc = await ingest({ path: "big.txt", bytes }, { maxBytes: 1024 });
    expect(doc.ok ? null : doc.error.code).toBe("INPUT_TOO_LARGE");
    expect((await ingest({ path: "big.txt", bytes }, { maxBytes: 4096 })).ok).toBe(true);
  });
});
