import { describe, expect, it } from "vitest";
import { analyse } from "../src/engine/index.js";
import { buildContract } from "../src/ingest/contract.js";
import { renderTopicClauses, scoreTopicClauses, type TopicClause } from "../tools/eval/topic-clauses.js";
import { builtinPack } from "./helpers.js";

describe("topic clauses read alone", () => {
  it("counts a detected yes clause, a missed one and a near miss that fires, per topic", async () => {
    const pack = await builtinPack();
    const read = (text: string) => analyse(buildContract("clause.txt", "text", text), pack).facts;
    const clauses: TopicClause[] = [
      {
        topic: "exclusivity",
        label: "yes",
        text: "2.1 Licensor hereby grants Distributor the exclusive right to sell the Products in the Territory.",
      },
      { topic: "exclusivity", label: "no", text: "2.2 The appointment under this Agreement is non-exclusive." },
      { topic: "audit-rights", label: "yes", text: "The weather in the Territory shall be mild." },
    ];
    const scored = scoreTopicClauses(clauses, read);
    expect(scored.invalid).toEqual([]);
    expect(scored.byTopic.get("exclusivity")).toEqual({ yes: 1, found: 1, no: 1, falseAlarms: 0 });
    expect(scored.byTopic.get("audit-rights")).toEqual({ yes: 1, found: 0, no: 0, falseAlarms: 0 });
    expect(scored.misses).toHaveLength(1);
    expect(scored.misses[0]).toContain("audit-rights missed");
    expect(renderTopicClauses(scored.byTopic)).toContain("| **all**                     | 0.500 (1/2) | 0.000 (0/1) |");
  });

  it("reports a clause whose topic or label it does not know instead of scoring it", () => {
    const scored = scoreTopicClauses([{ topic: "weather", label: "yes", text: "x" }], () => []);
    expect(scored.invalid).toEqual(["#0: topic weather, label yes"]);
  });
});
