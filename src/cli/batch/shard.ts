import { InvalidArgumentError } from "commander";

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError("expected i/n with 1 ≤ i ≤ n, e.g. 2/4");
  return { index, count };
}

/**
 * Round-robin over the sorted file list: every file lands in exactly one shard, shards differ in size by at
 * most one, and the split depends only on the list (not on timing or machine), so each CI job of a matrix
 * picks its own part and `trustlint merge` puts the parts back together.
 */
export function selectShard<T>(sortedFiles: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...sortedFiles];
  return sortedFiles.filter((_, i) => i % shard.count === shard.index - 1);
}
