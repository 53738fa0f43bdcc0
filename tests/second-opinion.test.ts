import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../src/engine/index.js";
import {
  applySecondOpinion,
  contentWords,
  features,
  modelSchema,
  parseModels,
  scoreFact,
  secondOpinion,
} from "../src/engine/second-opinion.js";
import { buildContract } from "../src/ingest/contract.js";
import { builtinPack } from "./helpers.js";

const FIXTURES = "tests/fixtures/second-opinion";
const modelText = readFileSync(join(FIXTURES, "termination-for-convenience.json"), "utf8");
const model = parseModels([{ name: "termination-for-convenience.json", text: modelText }])[0]!;
const contract = () => buildContract("contract.txt", "text", readFileSync(join(FIXTURES, "contract.txt"), "utf8"));

describe("second opinion: features and scores", () => {
  it("keeps content words and drops function words", () => {
    const words = contentWords("The Supplier shall deliver the goods to the Customer hereunder.");
    expect(words).toEqual(["supplier", "deliver", "goods", "customer"]);
    const f = features({ topic: "exclusivity", excerpt: "The Supplier shall deliver the goods.", mutual: null });
    expect(f).toContain("supplier deliver");
    expect(f).toContain("#short");
    expect(f).toContain("#mutual=unknown");
    expect(f).not.toContain("the");
  });

  it("marks a definition", () => {
    expect(features({ topic: "x", excerpt: '"Services" means the work described in Schedule 1.', mutual: null })).toContain("#definition");
    expect(features({ topic: "x", excerpt: "The Supplier performs the Services.", mutual: null })).not.toContain("#definition");
  });

  it("is deterministic: the same text gets the same score, whatever the order models and calls come in", () => {
    const fact = { topic: "termination-for-convenience", excerpt: "Either party may end this agreement on written notice.", mutual: true };
    const first = scoreFact(model, fact);
    for (let i = 0; i < 5; i++) expect(scoreFact(model, { ...fact })).toBe(first);
    const reordered = { ...model, weights: Object.fromEntries(Object.entries(model.weights).reverse()) };
    expect(scoreFact(reordered, fact)).toBe(first);
    expect(first).toBeGreaterThan(0.5);
  });
});

describe("second opinion: model files", () => {
  it("the fixture model validates against the schema", () => {
    expect(modelSchema.safeParse(JSON.parse(modelText)).success).toBe(true);
  });

  it("a model with a threshold out of range or an unknown field is refused", () => {
    const bad = { ...JSON.parse(modelText), threshold: 2 };
    expect(() => parseModels([{ name: "bad.json", text: JSON.stringify(bad) }])).toThrow(/bad\.json/);
    const extra = { ...JSON.parse(modelText), note: "x" };
    expect(modelSchema.safeParse(extra).success).toBe(false);
  });

  it("every shipped model (rules/models/*.json) validates and is small", () => {
    let names: string[];
    try {
      names = readdirSync("rules/models").filter((n) => n.endsWith(".json"));
    } catch {
      names = [];
    }
    for (const n of names) {
      const text = readFileSync(join("rules/models", n), "utf8");
      expect(modelSchema.safeParse(JSON.parse(text)).success, n).toBe(true);
      expect(text.length, n).toBeLessThan(64 * 1024);
    }
  });
});

describe("second opinion: the veto", () => {
  // Loading and compiling the built-in pack takes seconds on a loaded machine: once, outside the tests' own limit.
  beforeAll(async () => {
    await builtinPack();
  }, 60_000);

  it("drops a trigger the model scores low and keeps the one it scores high", async () => {
    const pack = await builtinPack();
    const plain = analyse(contract(), pack);
    const tfc = plain.facts.filter((f) => f.topic === "termination-for-convenience");
    expect(tfc.map((f) => f.location.clause)).toEqual(["1.1", "1.2"]);
    expect(plain.secondOpinion).toBeUndefined();

    const judged = analyse(contract(), { ...pack, models: [model] });
    const kept = judged.facts.filter((f) => f.topic === "termination-for-convenience");
    expect(kept).toHaveLength(1);
    expect(kept[0]!.excerpt).toMatch(/^1\.1 Customer may terminate/);
    expect(judged.secondOpinion).toEqual({ models: ["termination-for-convenience"], vetoed: { "termination-for-convenience": 1 } });
    // The finding built on the vetoed sentence goes with it; the kept one still quotes its evidence.
    expect(plain.findings.some((f) => f.ruleId === "tx-termination-for-convenience-mutual")).toBe(true);
    expect(judged.findings.some((f) => f.ruleId === "tx-termination-for-convenience-mutual")).toBe(false);
    const oneSided = judged.findings.find((f) => f.ruleId === "tx-termination-for-convenience-one-sided");
    expect(oneSided?.excerpt).toContain("terminate this Agreement for convenience");
    // Facts of other topics are untouched.
    expect(judged.facts.filter((f) => f.topic !== "termination-for-convenience")).toEqual(
      plain.facts.filter((f) => f.topic !== "termination-for-convenience"),
    );
  });

  it("without models nothing changes and no note is added", async () => {
    const facts = analyse(contract(), await builtinPack()).facts;
    expect(secondOpinion(facts, undefined)).toEqual({ facts, note: {} });
    expect(applySecondOpinion(facts, []).facts).toEqual(facts);
  });
});
