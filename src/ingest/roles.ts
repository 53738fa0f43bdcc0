import type { Party } from "../model/party.js";
import { partyKey } from "../model/party.js";
import { hasNoSides } from "./sideless-deals.js";
import { termPattern } from "../shared/term-pattern.js";

/**
 * Roles from what the parties do, for parties whose defined term does not say ("Company", "Acme"): the party
 * that pays the fees, buys or wishes to engage the other is the buyer; the party that provides, performs,
 * supplies, manufactures, hosts or maintains, or is paid, is the supplier. Recitals ("X desires to engage Y to
 * provide …") weigh more than a single operative sentence. A role is set only when the evidence clearly favours
 * one side; then, in a two-party contract, the other party takes the other role.
 */

const PERFORM =
  "provide|perform|supply|manufacture|deliver|host|maintain|develop|render|furnish|produce|ship|sell|operate|support|repair|install|process|administer|service|design";
// ("reimburse" is not among them: costs are reimbursed both ways, a recall's by the maker, travel by the client.)
const PAY = "pay|purchase|buy|order|compensate|remit";
/** What a party pays back rather than pays for: "pay Kestlane a rebate", "pay the Customer service credits". */
const PAID_BACK = "rebates?|credits?|refunds?|liquidated|damages|penalt\\w*|interest";
/** What a party appointed to buy and resell, or to hold a paid licence or franchise, is called or does. */
const RESALE = "distribut\\w*|resell\\w*|resale|dealer|wholesaler|retailer|licensee|franchisee|sub-?distributor";

interface Signal {
  weight: number;
  source: "recitals" | "performance" | "payment";
  text: string;
}

/** The weight of evidence for each side, and the strongest sentence for each: a role quotes evidence for itself. */
interface Evidence {
  supplier: number;
  buyer: number;
  best: { supplier: Signal | null; buyer: Signal | null };
}

/** Nouns in either case: contracts capitalise the ones they define ("the Products", "the Services"). */
function ci(words: string): string {
  return `(?:${words.replace(/\b([a-z])/g, (c) => `[${c.toUpperCase()}${c}]`)})`;
}

/** Signals for one party, each a regex over the text with the party's names in it. */
function signals(
  names: string,
): { re: RegExp; side: "supplier" | "buyer"; weight: number; source: "recitals" | "performance" | "payment" }[] {
  const p = `(?:the\\s+)?(?:${names})(?![\\w])`;
  const modal =
    "(?:shall|will|agrees?\\s+to|hereby\\s+agrees?\\s+to|must|undertakes?\\s+to|is\\s+to)(?:\\s+be\\s+(?:required|obliged|obligated)\\s+to)?";
  return [
    {
      re: new RegExp(
        `${p}\\s+(?:desires?|wishes|wants|intends|is\\s+willing)\\s+to\\s+(?:engage|retain|obtain|purchase|procure|outsource|receive|acquire|license|have\\s+\\w+\\s+(?:provide|perform|manufacture|supply))`,
        "g",
      ),
      side: "buyer",
      weight: 3,
      source: "recitals",
    },
    {
      re: new RegExp(`${p}\\s+(?:desires?|wishes|wants|intends|is\\s+willing|has\\s+agreed)\\s+to\\s+(?:${PERFORM})`, "g"),
      side: "supplier",
      weight: 3,
      source: "recitals",
    },
    {
      re: new RegExp(
        `${p}\\s+(?:is\\s+(?:engaged\\s+)?in\\s+the\\s+business\\s+of|is\\s+a\\s+(?:leading\\s+)?(?:provider|supplier|manufacturer|developer)|has\\s+(?:developed|expertise|the\\s+(?:capability|capacity|ability)))`,
        "g",
      ),
      side: "supplier",
      weight: 2,
      source: "recitals",
    },
    // Appointed to do work for the appointer ("appoints FASC, a statutory trust … ("FASC"), to act as its agent");
    // but a party appointed to buy and resell is a distributor (below).
    {
      re: new RegExp(
        `(?:engage|retain|appoint|hire|entrust)s?\\s+${p}(?:,[^;]{0,250}?\\))?,?\\s+(?:to|as)\\b(?!\\s+(?:(?:its|an?|the|sole|exclusive|non-?exclusive|authori[sz]ed)\\s+){0,3}(?:${RESALE}))`,
        "g",
      ),
      side: "supplier",
      weight: 3,
      source: "recitals",
    },
    // "Orion appoints Vantage as its distributor", "… appoints Vantage to distribute the Products": the appointee buys
    // to resell, or pays for the licence or franchise it is given.
    {
      re: new RegExp(
        `(?:appoint|designate|grant)s?\\s+${p}(?:,[^;]{0,250}?\\))?,?\\s+(?:to|as|an?|the)\\s+(?:(?:its|an?|the|sole|exclusive|non-?exclusive|authori[sz]ed)\\s+){0,3}(?:${RESALE})`,
        "g",
      ),
      side: "buyer",
      weight: 3,
      source: "recitals",
    },
    // "purchase the Products from Orion": the party goods are bought from supplies them (not shares: in an offering the
    // issuer is the agents' client).
    {
      re: new RegExp(
        `\\b(?:purchase|buy|order|procure)s?\\s+(?:(?:the|all|such|its|any|their)\\s+)?(?:[\\w-]+\\s+){0,2}?${ci("products?|goods|materials|equipment|inventory|supplies|units|components|parts|hardware|systems")}\\s+from\\s+${p}`,
        "g",
      ),
      side: "supplier",
      weight: 1,
      source: "payment",
    },
    {
      re: new RegExp(`${p}\\s+${modal}\\s+(?:\\w+\\s+){0,2}?(?:${PERFORM})\\w*\\b`, "g"),
      side: "supplier",
      weight: 1,
      source: "performance",
    },
    // "pursuant to which Beta provides the services": the present tense describes the deal.
    {
      re: new RegExp(`\\bwhich\\s+${p}\\s+(?:provides|performs|supplies|manufactures|hosts|maintains|renders)\\b`, "g"),
      side: "supplier",
      weight: 2,
      source: "recitals",
    },
    // (Not a rebate, a refund or damages paid back: "Vandrell shall pay Kestlane a rebate".)
    {
      re: new RegExp(`${p}\\s+${modal}\\s+(?:\\w+\\s+){0,2}?(?:${PAY})\\b(?!\\s+(?:[\\w-]+\\s+){0,3}?(?:${PAID_BACK}))`, "g"),
      side: "buyer",
      weight: 1,
      source: "payment",
    },
    // Settling the invoices, or an obligation to pay for what is supplied, is the buyer's; issuing them is the
    // supplier's ("Kestlane shall pay each invoice", "Altamesa's obligation to pay for Modules", "Vandrell shall invoice").
    {
      re: new RegExp(
        `${p}(?:\\s+${modal}\\s+pay\\s+(?:each|all|any|the|its|such)\\s+(?:undisputed\\s+)?invoices?|['’]s?\\s+(?:payment\\s+obligations?|obligations?\\s+to\\s+pay\\s+(?:for\\s+)?(?:the\\s+|all\\s+|any\\s+)?(?:[\\w-]+\\s+){0,2}?${ci("fees|charges|prices?|amounts|products|goods|modules|units|services|invoices")}))`,
        "g",
      ),
      side: "buyer",
      weight: 2,
      source: "payment",
    },
    // "Veridian shall manufacture and sell to Altamesa": the party sold to buys.
    {
      re: new RegExp(`\\b(?:sell|sells|sold)\\s+(?:(?:the\\s+)?[\\w-]+\\s+){0,2}?to\\s+${p}`, "g"),
      side: "buyer",
      weight: 1,
      source: "payment",
    },
    // "Roche will pay FMI …": paying the other party by name says more than any description of expertise.
    {
      re: new RegExp(`${p}\\s+${modal}\\s+(?:promptly\\s+)?pay\\s+(?:to\\s+)?(?:the\\s+)?[A-Z][\\w.&-]*\\s+(?!shall|will)`, "g"),
      side: "buyer",
      weight: 1,
      source: "payment",
    },
    // "pay Party A liquidated damages", "pay the Customer interest": a sanction paid to a party says nothing of who
    // is paid for the work.
    {
      re: new RegExp(
        `\\b(?:pay|invoice\\s+(?:to\\s+)?|compensate)\\s+${p}(?!\\s+(?:liquidated|damages|penalt|a\\s+penalty|interest|compensation|for\\s+(?:any|all|the)\\s+(?:loss|damage)))`,
        "g",
      ),
      side: "supplier",
      weight: 1,
      source: "payment",
    },
    { re: new RegExp(`${p}\\s+(?:shall|will|may)\\s+invoice\\b`, "g"), side: "supplier", weight: 2, source: "payment" },
    { re: new RegExp(`\\b(?:payable|paid)\\s+by\\s+${p}`, "g"), side: "buyer", weight: 1, source: "payment" },
    // "Bankers Bank agrees to pay fees of $40 a month": paying the fees is what a buyer does.
    {
      re: new RegExp(`${p}\\s+${modal}\\s+pay\\s+(?:\\w+\\s+){0,3}?(?:fees?|charges?|the\\s+price|compensation)\\b`, "g"),
      side: "buyer",
      weight: 1,
      source: "payment",
    },
    // "the services provided by Netzee", "for Netzee to provide maintenance".
    {
      re: new RegExp(`\\b(?:provided|performed|supplied|manufactured|rendered|hosted|maintained)\\s+by\\s+${p}`, "g"),
      side: "supplier",
      weight: 1,
      source: "performance",
    },
    { re: new RegExp(`\\bfor\\s+${p}\\s+to\\s+(?:${PERFORM})\\b`, "g"), side: "supplier", weight: 1, source: "performance" },
    // "the manufacture by Party B of household appliances", "the provision by Vantage of the Services".
    {
      re: new RegExp(`\\b(?:manufacture|provision|supply|performance|delivery|rendering|hosting|maintenance)\\s+by\\s+${p}\\s+of\\b`, "g"),
      side: "supplier",
      weight: 1,
      source: "performance",
    },
    { re: new RegExp(`\\b(?:payable|paid)\\s+to\\s+${p}`, "g"), side: "supplier", weight: 1, source: "payment" },
    // "Dr. Murray shall provide the following services to EHS": the party served is the buyer.
    {
      re: new RegExp(
        `\\b(?:${PERFORM})\\w*\\s+(?:(?:the|its|all|such|any|following|ongoing|same|[\\w-]+ing)\\s+){0,3}${ci("services?|products?|goods|deliverables|work|support|maintenance")}\\s+to\\s+${p}`,
        "g",
      ),
      side: "buyer",
      weight: 1,
      source: "performance",
    },
    {
      re: new RegExp(
        `${p}\\s+(?:shall|will)\\s+(?:be\\s+entitled\\s+to\\s+)?receive\\s+(?:a|an|the)\\s+(?:\\w+\\s+){0,2}?(?:fee|fees|compensation|remuneration|payment)\\b`,
        "g",
      ),
      side: "supplier",
      weight: 1,
      source: "payment",
    },
    {
      re: new RegExp(`${p}\\s+(?:shall|will)\\s+bear\\s+(?:\\w+\\s+){0,3}?(?:fees?|charges?|price)\\b`, "g"),
      side: "buyer",
      weight: 1,
      source: "payment",
    },
  ];
}

function gather(text: string, party: Party): Evidence {
  const key = partyKey(party);
  // "GARMAN" in the preamble is "Garman" in the body.
  const titled = key === key.toUpperCase() ? key.charAt(0) + key.slice(1).toLowerCase() : key;
  // A member of a group is also what is said of the group ("Distributor purchases Products from Zebra").
  const names = [key, titled, party.name, party.name.split(/[\s,]+/)[0] ?? "", party.group ?? "", ...(party.otherTerms ?? [])]
    .filter((n, i, all) => n.length >= 2 && all.indexOf(n) === i && !/^(?:the|a|an)$/i.test(n))
    .sort((a, b) => b.length - a.length)
    .map(termPattern)
    .join("|");
  const ev: Evidence = { supplier: 0, buyer: 0, best: { supplier: null, buyer: null } };
  if (!names) return ev;
  for (const s of signals(names)) {
    let n = 0;
    for (const m of text.matchAll(s.re)) {
      // Ten sentences of the same kind say no more than three.
      if (++n > 3) break;
      ev[s.side] += s.weight;
      const best = ev.best[s.side];
      if (!best || s.weight > best.weight)
        ev.best[s.side] = { weight: s.weight, source: s.source, text: m[0].replace(/\s+/g, " ").slice(0, 80) };
    }
  }
  return ev;
}

export function inferRoles(parties: readonly Party[], text: string): Party[] {
  const sample = text.length > 300_000 ? text.slice(0, 300_000) : text;
  const out = parties.map((p) => ({ ...p }));
  if (hasNoSides(sample)) return out;
  const evidence = out.map((p) => (p.role === "unknown" ? gather(sample, p) : null));
  out.forEach((p, i) => {
    const ev = evidence[i];
    if (!ev) return;
    const lean = ev.supplier - ev.buyer;
    const best = ev.best[lean > 0 ? "supplier" : "buyer"];
    if (Math.abs(lean) < 2 || !best) return;
    p.role = lean > 0 ? "supplier" : "buyer";
    p.roleSource = best.source;
    p.roleEvidence = best.text;
  });
  if (out.length > 2) withGroupRoles(out, evidence);
  // Two parties, one role known: the other party holds the other role.
  if (out.length === 2) {
    const [a, b] = out as [Party, Party];
    // Neither is clear on its own, but together they are: one sentence has A provide, another has B pay.
    const [ea, eb] = [evidence[0], evidence[1]];
    if (a.role === "unknown" && b.role === "unknown" && ea && eb) {
      const gap = ea.supplier - ea.buyer - (eb.supplier - eb.buyer);
      if (Math.abs(gap) >= 2) {
        const [sup, buy, es, eu] = gap > 0 ? [a, b, ea, eb] : [b, a, eb, ea];
        sup.role = "supplier";
        buy.role = "buyer";
        const [forSup, forBuy] = [es.supplier > es.buyer ? es.best.supplier : null, eu.buyer > eu.supplier ? eu.best.buyer : null];
        sup.roleSource = forSup?.source ?? "counterpart";
        sup.roleEvidence = forSup?.text ?? `${partyKey(buy)} is the buyer`;
        buy.roleSource = forBuy?.source ?? "counterpart";
        buy.roleEvidence = forBuy?.text ?? `${partyKey(sup)} is the supplier`;
      }
    }
    for (const [known, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (known.role !== "unknown" && other.role === "unknown") {
        other.role = known.role === "buyer" ? "supplier" : "buyer";
        other.roleSource = "counterpart";
        other.roleEvidence = `${partyKey(known)} is the ${known.role}`;
      }
    }
    // Standard terms a company offers to "you" (terms of service, a developer or partner programme) with nothing
    // else to go on: the company whose terms they are provides what they govern, and the reader takes it.
    const speaksAsWe = (p: Party) => p.otherTerms?.some((t) => /^we$/i.test(t)) ?? false;
    const isReader = (p: Party) => /^you$/i.test(p.alias ?? p.name) || (p.otherTerms?.some((t) => /^you$/i.test(t)) ?? false);
    if (a.role === "unknown" && b.role === "unknown") {
      const owner = speaksAsWe(a) && isReader(b) ? a : speaksAsWe(b) && isReader(a) ? b : null;
      if (owner) {
        const reader = owner === a ? b : a;
        owner.role = "supplier";
        owner.roleSource = "standard-terms";
        owner.roleEvidence = `${partyKey(owner)} ("we") offers these terms to "you"`;
        reader.role = "buyer";
        reader.roleSource = "counterpart";
        reader.roleEvidence = `${partyKey(owner)} is the supplier`;
      }
    }
    // Two parties given the same role ("Adviser" and a services company both read as suppliers): what each does
    // decides. The party whose conduct fits the role keeps it, when the evidence clearly says so; else neither.
    if (a.role !== "unknown" && a.role === b.role && a.roleSource !== "override" && b.roleSource !== "override") {
      const shared = a.role;
      const [ea, eb] = [gather(sample, a), gather(sample, b)];
      const fit = (e: Evidence) => (shared === "supplier" ? e.supplier - e.buyer : e.buyer - e.supplier);
      const gap = fit(ea) - fit(eb);
      if (Math.abs(gap) >= 2) {
        const [keeper, loser, evLoser] = gap > 0 ? [a, b, eb] : [b, a, ea];
        loser.role = shared === "buyer" ? "supplier" : "buyer";
        const own = fit(evLoser) < 0 ? evLoser.best[loser.role] : null;
        loser.roleSource = own?.source ?? "counterpart";
        loser.roleEvidence = own?.text ?? `${partyKey(keeper)} is the ${shared}`;
      } else if ((a.roleSource === "defined-term") !== (b.roleSource === "defined-term")) {
        // No clear evidence either way: the role word a party is called by outweighs one sentence about the other.
        const [keeper, loser] = a.roleSource === "defined-term" ? [a, b] : [b, a];
        loser.role = shared === "buyer" ? "supplier" : "buyer";
        loser.roleSource = "counterpart";
        loser.roleEvidence = `${partyKey(keeper)} is the ${shared}`;
      } else {
        a.role = "unknown";
        b.role = "unknown";
        a.roleSource = b.roleSource = null;
        a.roleEvidence = b.roleEvidence = null;
      }
    }
  }
  return out;
}

/**
 * Parties defined in groups ("(collectively "Zebra")" and "(collectively "Distributor")") form sides: a member
 * whose role is unknown takes the role its side's members have; when the contract has exactly two sides and one
 * side's role is known, the other side holds the other role. A side whose members disagree decides nothing.
 */
function withGroupRoles(parties: Party[], evidence: readonly (Evidence | null)[]): void {
  if (!parties.some((p) => p.group)) return;
  const sides = new Map<string, Party[]>();
  for (const p of parties) {
    const key = p.group ?? partyKey(p);
    sides.set(key, [...(sides.get(key) ?? []), p]);
  }
  const roleOfSide = (members: Party[]): "buyer" | "supplier" | null => {
    const known = new Set(members.map((m) => m.role).filter((r) => r !== "unknown"));
    return known.size === 1 ? ([...known][0] as "buyer" | "supplier") : null;
  };
  const settle = (members: Party[], role: "buyer" | "supplier", evidence: string) => {
    for (const m of members)
      if (m.role === "unknown") {
        m.role = role;
        m.roleSource = "counterpart";
        m.roleEvidence = evidence;
      }
  };
  for (const [key, members] of sides) {
    const role = members.length > 1 ? roleOfSide(members) : null;
    if (role) settle(members, role, `one of "${key}", the ${role}`);
  }
  if (sides.size !== 2) return;
  const [[keyA, a], [keyB, b]] = [...sides] as [[string, Party[]], [string, Party[]]];
  const [ra, rb] = [roleOfSide(a), roleOfSide(b)];
  if (ra && !rb) settle(b, ra === "buyer" ? "supplier" : "buyer", `"${keyA}" is the ${ra}`);
  if (rb && !ra) settle(a, rb === "buyer" ? "supplier" : "buyer", `"${keyB}" is the ${rb}`);
  if (!ra || ra !== rb) return;
  // Both sides read as the same role: a side called by a role word keeps it; else the side whose conduct fits
  // it clearly better; else neither side's inferred role stands.
  const anchored = (side: Party[]) => side.some((m) => m.roleSource === "defined-term" || m.roleSource === "override");
  const fit = (side: Party[]) =>
    side.reduce((sum, m) => {
      const ev = evidence[parties.indexOf(m)];
      return sum + (ev ? (ra === "supplier" ? ev.supplier - ev.buyer : ev.buyer - ev.supplier) : 0);
    }, 0);
  const flip = (side: Party[], evidenceText: string) => {
    for (const m of side)
      if (m.roleSource !== "defined-term" && m.roleSource !== "override") {
        m.role = ra === "buyer" ? "supplier" : "buyer";
        m.roleSource = "counterpart";
        m.roleEvidence = evidenceText;
      }
  };
  const gap = fit(a) - fit(b);
  if (anchored(a) !== anchored(b)) flip(anchored(a) ? b : a, `"${anchored(a) ? keyA : keyB}" is the ${ra}`);
  else if (Math.abs(gap) >= 2) flip(gap > 0 ? b : a, `"${gap > 0 ? keyA : keyB}" is the ${ra}`);
  else
    for (const m of [...a, ...b])
      if (m.roleSource !== "defined-term" && m.roleSource !== "override") {
        m.role = "unknown";
        m.roleSource = null;
        m.roleEvidence = null;
      }
}
