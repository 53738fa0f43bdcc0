// Contracts written for the browser test: a hostile one (markup in every place contract text reaches the
// report) and a family of variations for the batch/portfolio page. Plain JS so the CI stage needs no build
// step beyond the CLI itself.

export const HOSTILE = `# Facilities Support Agreement <script>window.__pwned=1</script>

This Agreement is made between Northwind <img src=x onerror="window.__pwned=2"> Holdings ("Customer") and Tideway Facilities Ltd (the "Supplier").

## 1. Services

1.1 The Supplier shall clean and maintain the Customer's offices as described in the service schedule.

## 2. Indemnity

2.1 The Supplier shall indemnify and hold harmless the Customer against all claims <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2"> losses, see <a href="javascript:window.__pwned=3">the policy</a> and [terms](javascript:window.__pwned=4).

## 3. Charges

3.1 The Customer shall pay each undisputed invoice within thirty days \`rm -rf\` | pipe | and @everyone.
`;

const INDEMNITY = [
  "The Supplier shall indemnify, defend and hold harmless the Customer against all claims arising out of this Agreement.",
  "Each party shall indemnify the other against third-party claims to the extent caused by its own breach or negligence.",
  "The Supplier shall indemnify the Customer against third-party claims that the deliverables infringe intellectual property rights.",
  null,
];
const VISION = [null, "The parties share the vision of a safe, well-run estate and intend to work together as partners to achieve it."];
const EXTRA = [
  "The Supplier's total liability under this Agreement shall not exceed the charges paid in the twelve months before the claim.",
  "Nothing in this Agreement limits either party's liability for death or personal injury caused by its negligence.",
  "The Customer may audit the Supplier's records on ten business days' notice.",
  "Either party may refer a dispute to the executive sponsors, who shall meet within ten days.",
];
const SERVICES = ["catering", "security", "cleaning", "grounds maintenance", "reception", "mail room"];

/** Twenty short agreements that differ in their indemnity, vision and a few other clauses. */
export function variations(n = 20) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const service = SERVICES[i % SERVICES.length];
    const clauses = [`The Supplier shall provide ${service} services at the Customer's sites.`];
    const vision = VISION[Math.floor(i / 4) % VISION.length];
    if (vision) clauses.unshift(vision);
    const indemnity = INDEMNITY[i % INDEMNITY.length];
    if (indemnity) clauses.push(indemnity);
    for (let k = 0; k < EXTRA.length; k++) if ((i >> k) & 1) clauses.push(EXTRA[k]);
    // One in five carries markup too, so escaping is exercised on the portfolio page as well.
    if (i % 5 === 0)
      clauses.push(`The Supplier shall indemnify the Customer against claims <script>window.__pwned=${10 + i}</script> of any kind.`);
    const body = clauses.map((c, k) => `## ${k + 1}. Clause ${k + 1}\n\n${k + 1}.1 ${c}\n`).join("\n");
    out.push({
      name: `deal-${String(i + 1).padStart(2, "0")}-${service.replace(/\s+/g, "-")}.md`,
      text: `# ${service[0].toUpperCase()}${service.slice(1)} Services Agreement\n\nThis Agreement is made between Client Org ${i + 1} Ltd ("Customer") and Vendor ${i + 1} plc (the "Supplier").\n\n${body}`,
    });
  }
  return out;
}
