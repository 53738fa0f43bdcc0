/**
 * The door to jszip: the Word reader opens packages through it and the review writer rewrites them. Writing is
 * deterministic: entries keep their order, every entry written gets the same fixed date, and compression is
 * DEFLATE at a fixed level, so the same input and date give byte-identical output.
 */
export interface ZipPackage {
  /** Entry names in package order (folders excluded). */
  names(): string[];
  has(name: string): boolean;
  /** An entry as UTF-8 text, or null when absent. */
  text(name: string): Promise<string | null>;
  /** Replaces or adds an entry (added entries go at the end). */
  setText(name: string, text: string): void;
  /** The package as bytes; `date` stamps every entry (zip dates have 2-second resolution, UTC). */
  toBytes(date: Date): Promise<Uint8Array>;
}

export async function openZip(bytes: Uint8Array): Promise<ZipPackage> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  return {
    names: () => Object.keys(zip.files).filter((n) => !zip.files[n]!.dir),
    has: (name) => zip.file(name) !== null,
    text: async (name) => (await zip.file(name)?.async("string")) ?? null,
    setText: (name, text) => void zip.file(name, text),
    toBytes: async (date) => {
      // Re-stamp every entry: an entry's date is part of its header bytes. Zip (DOS) dates run 1980-2107.
      const stamp = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)));
      for (const file of Object.values(zip.files)) file.date = stamp;
      const out = await zip.generateAsync({
        type: "uint8array",
        compression: "DEFLATE",
        compressionOptions: { level: 6 },
        platform: "DOS",
      });
      return out;
    },
  };
}

/** The jszip package object itself, for a reader that walks or streams entries (the Word reader's size checks). */
export type RawZip = Awaited<ReturnType<(typeof import("jszip"))["loadAsync"]>>;

export async function loadRawZip(bytes: Uint8Array | ArrayBuffer | Buffer): Promise<RawZip> {
  const { default: JSZip } = await import("jszip");
  return JSZip.loadAsync(bytes);
}
