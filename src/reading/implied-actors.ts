import type { Role } from "../model/party.js";
import { FORM_AFTER_NAME } from "../shared/legal-form.js";
import { ACCENTED_CAPITAL, ACCENTED_LETTER, NAME_PARTICLE_WORDS } from "../shared/name-letters.js";

/**
 * A clause read on its own (pasted from a draft, or a contract whose preamble names nobody the reader could find)
 * still says who acts: "Zentrix shall indemnify Marlow", "IN NO EVENT SHALL LICENSOR BE LIABLE", "Company's aggregate
 * liability shall not exceed …". These are the names that stand where a party would, so that the term is read as one
 * party's rather than nobody's. Only used when no party was found.
 */

/** Capitalised words that stand in a party's place in a sentence but never name one. */
const NOT_A_NAME = new Set(
  (
    "a an the this that these those such each either neither both any all no none other another in on at upon under " +
    "by for of to from with without within into and or nor not but if unless until when where whether while then " +
    "shall will may must can could would should be is are was were been has have had do does it its he she they them " +
    "we us our you your i event circumstances case notwithstanding except subject nothing save provided however " +
    "agreement agreements contract contracts section sections article articles clause clauses schedule exhibit appendix annex attachment " +
    "party parties services service products product goods work works deliverables software materials term terms " +
    "effective date fees fee price prices payment payments losses loss damages damage claims claim liability " +
    // ("the State" and "the Government" are parties in a government contract: they are left out here, and read only
    // where they act.)
    "liabilities liable indemnified indemnifying indemnitee indemnitor indemnifier confidential information law laws court " +
    "courts affiliates affiliate personnel employees officers directors agents representatives " +
    "third thirdparty limitation limitations warranty warranties indirect consequential special incidental punitive " +
    "exemplary lost profits revenue revenues data total aggregate maximum sole exclusive remedy remedies " +
    // Words that size a liability in capitals: "THE CUMULATIVE LIABILITY OF BLUEBONNET", "THE ENTIRE LIABILITY OF".
    "cumulative combined overall entire collective " +
    // Others a party answers for: "Acme or its suppliers shall not be liable".
    "suppliers licensors licensees customers vendors subcontractors contractors users members partners successors assigns " +
    // Groups a party answers for, defined in the clause: "the Harlow Entities", "Licensor and its Related Persons".
    "entities related persons indemnitees " +
    // ("Kauri and its Related Companies", "Wattle nor any of its Related Bodies Corporate": a party's group.)
    "companies bodies corporate " +
    // Things a clause speaks of in capitals: "the Marks shall remain", "Feedback shall be owned".
    "marks trademarks feedback content documentation attachments group territory property personal " +
    // The asset a charter is about: "the Vessel shall be redelivered". (Not "Ship", "Engine" or "Cargo", which are
    // words of names: "Thalassa Ship Management", "Shannon Engine Leasing", "Sandstorm Cargo Airlines".)
    "vessel vessels " +
    // The place a service is delivered at: "damage to the Tenant's equipment at a Site", "the Premises". (Only the singular
    // "Site": "Pampa Sites S.A." is a name.)
    "site premises " +
    // "BY REASON OF", "BY VIRTUE OF", "BY WAY OF": prepositions in capitals.
    "reason virtue way means " +
    // Periods: "in each Contract Year shall be limited".
    "year years month months quarter quarters day days period periods " +
    // "BY GIVING THE OTHER … WRITTEN NOTICE, PROVIDED THAT NO SUCH NOTICE MAY EXPIRE": words of a notice in capitals.
    "notice notices giving written prior " +
    // Headings: "Exclusion of Supplier's Liability", "Indemnification by Vendor".
    "exclusion exclusions indemnification indemnity indemnities termination cap caps " +
    // Faults a party answers for, written in capitals: "CAUSED BY THE NEGLIGENCE OF ITS MASTERS".
    "negligence fraud misconduct breach breaches default"
  ).split(/\s+/),
);

/** A capitalised word that opens no name ("The", "Either", "Upon"): one a role word after it stands alone. */
export function opensNoName(word: string): boolean {
  return NOT_A_NAME.has(word.toLowerCase().replace(/[^a-z]/g, ""));
}

/** The word that ends a public body's name of four words: "Bayshore Regional Transit Authority", "Lakes District Health
 * Board". (Alone, "the Authority" is a role word; after three capitalised words it is the end of a name.) */
const PUBLIC_BODY = /^(?:Authority|Board|Commission|Council|Corporation|Agency|Department|Ministry|District)$/;

/** Nouns that end company names ("Kestrel Software") but stand alone as things ("the Software"). */
const BUSINESS_NOUN = new Set([
  "software",
  "services",
  // ("Bergen Service AS": the singular ends a name too.)
  "service",
  "products",
  "group",
  "systems",
  "solutions",
  "technologies",
  "partners",
  "holdings",
  // ("The Hanover Companies": the group's name; "its Related Companies" alone is no name.)
  "companies",
  // "Osprey Data", "Liffey Data" (never "Personal Data": "personal" opens no name).
  "data",
  // A claims administrator or a payments firm: "Fenwick Claims", "Keel Payments".
  "claims",
  "payments",
  // A property or unit trust: "Ngata Property Trust" ("property" alone opens no name).
  "trust",
  // "Halvard Data Centers" (after another business noun).
  "centers",
  "centres",
  // ("Mercy Regional Medical Center": the fourth word of a hospital's name.)
  "center",
  "centre",
  // ("Valley Oak Health System": a hospital group's name; "the System" alone is a thing.)
  "system",
  // Lines of business that end a firm's name: "Southern Cross Sports Media", "Shannon Engine Leasing", "Thalassa Ship
  // Management", "Sandstorm Cargo Airlines".
  "media",
  "management",
  "leasing",
  "airlines",
  "engineering",
  "networks",
  "industries",
  "communications",
  "entertainment",
  "events",
  "energy",
  "trading",
  "foods",
  "pharma",
  // ("KHANYA LIGHTING TO THE MUNICIPALITY": a trade in "-ing" that ends a name, also in capitals.)
  "lighting",
  "consulting",
  "cleaning",
  "catering",
  "recycling",
  "shipping",
  "mining",
  "publishing",
  "printing",
  // "Marina Gate Owners Association" (an owners' body that contracts for its building).
  "association",
]);

/** A legal form right after a name's business noun ("Najd Integrated Services Co."). */
const LEGAL_FORM = /^ (AB|AS|ASA|A\/S|AG|SE|SA|BV|NV|Oy|plc|PLC|Ltd\.?|Limited|Inc\.?|LLC|GmbH|Corp\.?|Co\.?)(?![\w/])/;

/** The first word of a legal form that the form's own full stop cuts off from the rest ("Pte." before "Ltd."). */
const FORM_PART = /^(?:Pty|PTY|Pte|PTE|Pvt|PVT|Sdn|SDN)$/;
/** A word that only ever ends a company's name: a run of capitals that starts with one names no one. */
const FORM_WORD =
  /^(?:Pty|PTY|Pte|PTE|Pvt|PVT|Sdn|SDN|Bhd|BHD|Ltd|LTD|Limited|LIMITED|Inc|INC|LLC|Corp|CORP|Co|CO|PLC|plc|GmbH|ULC|DAC|LLP)$/;

/** A legal form written with inner full stops, read as one word of a name: "S.r.l", "S.p.A", "B.V". */
const DOTTED_FORM = /^[A-Z](?:\.[A-Za-z]{1,3})+$/;

/** A number that ends a name ("NetSol 2000"), followed by a verb, a possessive, "and", "or" or a stop. */
const NAME_NUMBER = /^ (\d{1,4})(?=['’]s\b|\s+(?:shall|will|may|must|and|or|nor|be|is|agrees?|hereby)\b|[,;)]|\.(?!\d))/;

/** A small word inside a name, before its next capitalised word: "of", "del", "do", "de la", "van der". */
const NAME_PARTICLE = new RegExp(String.raw`^ (${NAME_PARTICLE_WORDS}) (?=[A-Z${ACCENTED_CAPITAL}][a-z${ACCENTED_LETTER}])`);

/** One of those small words, read as a word of the name. */
const PARTICLE_WORD = new RegExp(String.raw`^(?:${NAME_PARTICLE_WORDS})$`);

/** The words of a name read so far, particles not counted: "Société des Mines de Kolwezi" has three. */
const nameWordCount = (words: readonly string[]) => words.filter((w) => !PARTICLE_WORD.test(w)).length;

/** A word that starts like a name: a capital, then a small letter ("Bank", "Almacenes", "Émeraude"). */
const NAME_WORD_START = new RegExp(String.raw`^[A-Z${ACCENTED_CAPITAL}][a-z${ACCENTED_LETTER}]`);

/** "'s Kitchen" before a legal form ("Tita's Kitchen Corporation"): the possessive and the words after it. */
const POSSESSIVE_IN_NAME = new RegExp(String.raw`^(['’]s) ((?:[A-Z][\w&-]*\s){0,2}[A-Z][\w&-]*)(?=${FORM_AFTER_NAME.source.slice(1)})`);

/** Two-character names ("K9", "QX"), but not two-letter English words written in capitals. */
const SHORT_NAME = /^(?!(?:AS|SO|UP|AM|GO|ME|MY|OK|PM|AN|AT|BE|BY|DO|IF|IN|IS|IT|NO|OF|ON|OR|TO|US|WE)$)[A-Z][A-Z0-9]$/;

/** A capital that may open a name, accented ones too ("Žatec Hops", "Ørsted"). */
const CAPITAL_SOURCE = `[A-Z${ACCENTED_CAPITAL}]`;
const LETTER_BEFORE = new RegExp(String.raw`[\w${ACCENTED_LETTER}]`);
// ("Tupã Distribuidora", "Wisła Trade": accented letters are letters of a name.)
const WORD = new RegExp(String.raw`[A-Z${ACCENTED_CAPITAL}][A-Za-z0-9&${ACCENTED_LETTER}-]*(?:\.[A-Za-z]+)*`, "y");
// ("the Site Host", "the Site Owner": one who lends a site to a charging or tower network; "Site" alone names a place.)
const PARTY_LABEL =
  /(?:Party|PARTY)\s+[A-Z](?![\w])|(?:First|Second|Third|Entrusting|Entrusted|Contracting|Contracted|Private|Ordering|Commissioning|FIRST|SECOND|THIRD|ENTRUSTING|ENTRUSTED|CONTRACTING|CONTRACTED|PRIVATE|ORDERING|COMMISSIONING)\s+(?:Party|PARTY)(?![\w])|(?:Service|SERVICE)\s+(?:Provider|Recipient|PROVIDER|RECIPIENT)(?![\w])|(?:Site|SITE)\s+(?:Host|Owner|Provider|Operator|HOST|OWNER|PROVIDER|OPERATOR)(?![\w])/y;

/** What follows an actor: a verb of promise, or "'s … liability" (or recovery, or remedy). Case does not matter
 * ("SHALL", "Shall"). */
// ("Ostrava Steel (the "Indemnifying Party") shall indemnify": a part the name plays, in brackets, may come between.)
// ("Glenmore, on behalf of itself and its Affiliates, may terminate", "Acme (on behalf of itself and its Affiliates)
// may", "Acme, at its option, shall", "the Charterer, as the Indemnifying Party, shall", "Party B, as employer of
// record, shall": an aside between.)
// ("Party A has the right to terminate", "the Entrusting Party is entitled to": a right held is acting too.)
// ("Ngata Property Trust indemnifies Tallis": a promise in the present tense.)
// ("SUPPLIER'S AND ITS AFFILIATES' TOTAL LIABILITY": the party's own possessive may come before its group's.)
// ("Suraksha TPA Pvt. Ltd. (the "Indemnifying Party") shall": the full stop of a legal form before the brackets.)
// (Not "the Financial Sector Conduct Authority shall be notified": one told of a term does not act in it.)
// ("the Outgrower Association is the Indemnifying Party": named as the one who indemnifies.)
// ("Harrow and each of its related companies jointly and severally indemnify": a group's promise in the present.)
// ("Oakhurst (or any of its Affiliates that has placed an order) may terminate": the party's group in brackets.)
const ACTS_AFTER =
  /^(?:[.\u2024](?=\s*\())?(?:\s*\((?:(?:[^()"“”]{1,40}?[,\s]\s*)?(?:the\s+|each\s+a\s+|an?\s+)?["“'‘][^"”'’()]{1,40}["”'’]|(?:on\s+(?:its\s+own\s+)?behalf|for\s+itself|acting|(?:or|and)\s+(?:any\s+of\s+)?(?:its|their))\b[^()]{0,80})\))?(?:\s*,\s*(?:on\s+behalf\s+of|at\s+its|in\s+its|acting|for\s+itself|as)\b[^,;.]{0,80},)?(?:\s+(?:and|or|nor)\s+(?:the\s+)?[\w&.-]+(?:\s+[\w&.-]+){0,2}?(?=\s+(?:shall|will|must|may|be|is|are|agree|hereby|each)\b))?(?:(?:(?:['’]s)?\s+and\s+(?:its|their)\s+[\w-]+)?\.?['’]s?\s+(?:\w+\s+){0,3}(?:liabilit|obligation|responsibilit|recovery\b|remed|recourse\b)|\s+(?:(?:shall|will|must|may)(?!\s+(?:also\s+)?be\s+(?:notified|informed|advised|consulted|copied|sent|served)\b)|agrees?|hereby|undertakes?|covenants?|warrants?|represents?|indemnifies|releases|waives|excludes\s+(?:all\s+|any\s+)?(?:its\s+)?liability|disclaims|accepts\s+no\s+(?:liability|responsibility)|giving|gives|(?:be|is)\s+(?:not\s+|never\s+)?(?:liable|responsible)|(?:is|shall\s+be)\s+the\s+["“]?indemnifying\s+party|(?:has|have)\s+(?:the\s+)?(?:\w+\s+)?right|reserves?\s+(?:to\s+itself\s+)?the\s+right|(?:is|are)\s+(?:\w+\s+)?entitled)\b|\s+and\s+(?:each\s+of\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,2}[\w-]+\s+(?:jointly\s+and\s+severally|severally|jointly)\s+(?:indemnify|agree|undertake|covenant|warrant)\b)/i;

/** A clause heading that names its party before the heading's subject: "Sponsor Indemnity.", "Limitation on Host
 * Liability.", "Agency Not Liable for Consequential Loss." (in title case only, as headings are written). */
const HEADING_AFTER = /^\s+(?:Indemnity|Indemnification|Liability|Not\s+Liable|Obligations)\b[\w ,'’]{0,50}\.\s/;

/** Kinds of term a heading names before its subject: "Environmental Indemnity.", "Mutual Indemnification.". */
const HEADING_KIND =
  /^(?:Environmental|Mutual|General|Reciprocal|Cross|Third[- ]Party|Intellectual|IP|Tax|Product|Products|Employee|Employment|Infringement)$/i;

/** What comes before a party that receives: "indemnify Marlow", "liable to Licensee", "hold harmless Customer", "the
 * liability of Caddock to Fenwick", "the damages payable by Lessor to Hirer". */
// (Not "with a copy of such notice to the Regulator": one sent a copy is told, not a party to the term.)
const RECEIVES_BEFORE =
  /\b(?:indemnif(?:y|ies)|defends?|hold\s+harmless|harmless|save|reimburse|liab(?:le|ility)\s+to|(?:liabilit(?:y|ies)\s+of|(?:damages|amounts?|sums)\s+payable\s+by)\s+[^.;,]{1,40}?\s+to|responsible\s+to|against|terminate\s+\w+\s+with|(?<!\bcop(?:y|ies)\s+of\s+(?:(?:such|the|that|any|each|all)\s+)?)notice\s+to|notify)\s+(?:and\s+hold\s+harmless\s+)?(?:the\s+)?$/i;

/** What comes before an actor named after its liability: "the total liability of Xylon Corp.", "neither Rand", "as
 * between Halvorsen and Pinecrest" (which "the former" and "the latter" then name). */
// "In no event shall the Company or its affiliates, licensors or suppliers be liable", "(a) by Owner, at any time",
// "not be entitled to recover from Harlow", "recoverable by Wexford from Brightline".
// ("Party A is entitled to require Party B to indemnify": the one required to act.)
// (Not "any claim by the Transmission System Operator", "fines imposed by the Regulator", "an order issued by the Food
// Safety Authority": one who claims, fines or orders is a third person.)
const ACTS_BEFORE =
  /(?:\b(?:(?:liabilit(?:y|ies)|obligations?|responsibilit(?:y|ies))\s+of|neither|either|(?:event|circumstances?)\s*,?\s*(?:shall|will|may)|nor\s+(?:shall|will)|recover(?:y|able)?(?:\s+by\s+[^.;]{1,60}?)?\s+from|liability\s+(?:shall|will)\s+(?:attach|accrue)\s+to)|\b(?<!\b(?:claims?|demands?|actions?|proceedings|suits?|brought|made|filed|asserted|imposed|levied|issued|permitted|required|allowed|prescribed|governed)\s+(?:by\s[^.;]{1,40}?,?\s+(?:or|and)\s+)?)by|\b(?:require|requires|requiring)|\bas\s+between(?:\s+(?:the\s+)?[A-Z][^.;,]{1,40}?\s+and)?)\s+(?:the\s+)?$/i;

/** The second of a pair whose liability runs "to each other": "The liability of Varga Holdings Inc. and Rowan Property
 * Services Ltd. to each other". (Without "to each other", "the liability of Processor and the Member Bank" is one side's.) */
const PAIR_BEFORE =
  /\b(?:liabilit(?:y|ies)|obligations?|responsibilit(?:y|ies))\s+of\s+(?:the\s+)?[A-Z](?:[^.;,()]|\.(?=\s+and\b)){1,60}?\s+and\s+(?:of\s+)?(?:the\s+)?$/;
// ("The liability of the Contracting Party and the Contracted Party for any losses caused to each other … shall be
// limited, for each of them, to …": the words that make it a pair may come later in the sentence.)
const PAIR_AFTER = /^\.?(?:\s+|\s[^.;]{0,120}?\b)(?:(?:to|towards)\s+(?:each\s+other|one\s+another)|for\s+each\s+of\s+them)\b/;

/**
 * In a clause set in capitals every word looks like a name, so a run that began with a party's name would carry on
 * into the sentence: "THE AGGREGATE LIABILITY OF THE COMPANY ARISING OUT OF …". In capitals the run stops after a role
 * word ("COMPANY", "BUYER") and before a word made like a verb ("ARISING", "PROVIDED").
 */
function endsCapitalName(words: readonly string[], next: string, after: string, generic: readonly (readonly [string, Role])[]): boolean {
  if (next !== next.toUpperCase() || next.length < 2) return false;
  const previous = words[words.length - 1] ?? "";
  if (generic.some(([g]) => g.toLowerCase() === previous.toLowerCase())) return true;
  // ("GREYFRIARS HOSTING BE LIABLE", "ORCA ENGINEERING'S LIABILITY": a trade that ends a name, right before its verb.)
  // ("SCHWARZWALD HOSTING GMBH BE LIABLE": not before a legal form, which ends the name.)
  return (
    /[A-Z]{3,}(?:ING|ED)$/.test(next) && !/^(?:['’]S\b|\s+(?:SHALL|WILL|MAY|MUST|BE|IS|ARE)\b)/.test(after) && !FORM_AFTER_NAME.test(after)
  );
}

export interface ImpliedActor {
  term: string;
  role: Role;
}

/**
 * @param generic the role words the tool knows ("Customer" buyer, "Licensor" supplier).
 * @returns up to three names, the most used first; with two, a name with no role word takes the side opposite the
 * other's ("Company shall indemnify Customer": Company is the supplier).
 */
export function impliedActors(text: string, generic: readonly (readonly [string, Role])[]): ImpliedActor[] {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const counts = new Map<string, { n: number; first: number }>();
  const capital = new RegExp(CAPITAL_SOURCE, "g");
  for (let m = capital.exec(sample); m; m = capital.exec(sample)) {
    const start = m.index;
    // A capital inside a word ("McKay", "iPhone") opens no name.
    if (start > 0 && LETTER_BEFORE.test(sample[start - 1]!)) continue;
    const words: string[] = [];
    let end = start;
    // "Party A", "Party B", "First Party", "Entrusted Party": labels made of words that are otherwise not names.
    PARTY_LABEL.lastIndex = start;
    const label = PARTY_LABEL.exec(sample);
    if (label) {
      words.push(label[0].replace(/\s+/g, " "));
      end = PARTY_LABEL.lastIndex;
    }
    // "this Lease", "this Appointment", "these Terms": what "this" points at is the document, never a party.
    if (!label && /\b(?:this|these|This|These|THIS|THESE)\s+$/.test(sample.slice(Math.max(0, start - 8), start))) {
      capital.lastIndex = start + 1;
      continue;
    }
    // A run of capitalised words that are not function words: "Zentrix", "Marlow Foods", "LICENSOR".
    while (!label) {
      WORD.lastIndex = end;
      const w = WORD.exec(sample);
      if (!w) break;
      const lower = w[0].toLowerCase().replace(/[^a-z]/g, "");
      // "Kestrel Software", "Halden Group": a business noun ends a name that began with a name of its own.
      // (Not after a role word: "Customer Data" is the customer's data.)
      const opensWithRoleWord = () => generic.some(([g]) => g.toLowerCase() === words[0]!.toLowerCase());
      // ("Al Waha Property shall": "Property" ends a name of two words or more, never one such as "Company Property".)
      const noun = BUSINESS_NOUN.has(lower) || (lower === "property" && words.length >= 2);
      if (words.length > 0 && noun && !opensWithRoleWord()) {
        words.push(w[0]);
        end = WORD.lastIndex;
        // ("Lindqvist Data AB", "Halden Group plc": a legal form after it still belongs to the name.)
        // ("Meridian Data Services", "Halvard Data Centers": two business nouns end one name.)
        const second = /^ ([A-Z][A-Za-z]+)\b/.exec(sample.slice(end, end + 24));
        if (second && BUSINESS_NOUN.has(second[1]!.toLowerCase())) {
          words.push(second[1]!);
          end += second[0].length;
        } else if (
          second &&
          !NOT_A_NAME.has(second[1]!.toLowerCase()) &&
          (FORM_AFTER_NAME.test(sample.slice(end + second[0].length, end + second[0].length + 40)) ||
            // ("Numérique Services Publics (the "Indemnifying Party") shall": a word after the noun, then the verb.)
            (words.length <= 2 && ACTS_AFTER.test(sample.slice(end + second[0].length, end + second[0].length + 140))))
        ) {
          // ("Calcio Media Italia S.r.l.": a word that a legal form follows is still the name's.)
          words.push(second[1]!);
          end += second[0].length;
        }
        const form = LEGAL_FORM.exec(sample.slice(end, end + 12));
        if (form) {
          words.push(form[1]!);
          end += form[0].length;
        }
        break;
      }
      // ("U.S. Physical Therapy": initials with full stops are a word of a name, though "US" would be a pronoun.)
      const initials = /^(?:[A-Z]\.)+[A-Z]$/.test(w[0]) && sample[WORD.lastIndex] === ".";
      // ("Pelican Property Group", "Harbour Data Services": a common word inside a name that a business noun ends.)
      if (NOT_A_NAME.has(lower) && words.length > 0 && !opensWithRoleWord()) {
        const noun = /^ ([A-Z][a-z]+)\b/.exec(sample.slice(WORD.lastIndex, WORD.lastIndex + 20));
        if (noun && BUSINESS_NOUN.has(noun[1]!.toLowerCase())) {
          words.push(w[0], noun[1]!);
          end = WORD.lastIndex + noun[0].length;
          break;
        }
      }
      // ("Nordwind Service GmbH": so does a common word that a legal form follows.)
      if (
        NOT_A_NAME.has(lower) &&
        words.length > 0 &&
        !opensWithRoleWord() &&
        FORM_AFTER_NAME.test(sample.slice(WORD.lastIndex, WORD.lastIndex + 40))
      ) {
        words.push(w[0]);
        end = WORD.lastIndex;
        break;
      }
      // ("the Third-Party Administrator": a hyphened common word opens the name of the role after it.)
      if (NOT_A_NAME.has(lower) && words.length === 0 && w[0].includes("-")) {
        const next = /^ ([A-Z][a-z]+)\b/.exec(sample.slice(WORD.lastIndex, WORD.lastIndex + 24));
        if (next && !NOT_A_NAME.has(next[1]!.toLowerCase())) {
          words.push(w[0]);
          end = WORD.lastIndex + 1;
          continue;
        }
      }
      // ("the Language Service Provider", "THE LANGUAGE SERVICE PROVIDER'S": a role of two words ends the name; "The Site
      // Owner": or is the whole of it.)
      if (NOT_A_NAME.has(lower)) {
        const next = /^ ([A-Z][A-Za-z]+)\b/.exec(sample.slice(WORD.lastIndex, WORD.lastIndex + 24));
        if (next && generic.some(([g]) => g.toLowerCase() === `${lower} ${next[1]!.toLowerCase()}`)) {
          words.push(w[0], next[1]!);
          end = WORD.lastIndex + next[0].length;
          break;
        }
      }
      if (NOT_A_NAME.has(lower) && !initials) break;
      if (words.length > 0 && endsCapitalName(words, w[0], sample.slice(WORD.lastIndex, WORD.lastIndex + 8), generic)) break;
      words.push(initials ? `${w[0]}.` : w[0]);
      end = WORD.lastIndex + (initials ? 1 : 0);
      if (nameWordCount(words) === 3) {
        // "North Coast Logistics Services": a business noun may still end a name of three words.
        const fourth = /^ ([A-Z][a-z]+)\b/.exec(sample.slice(end, end + 20));
        if (fourth && (BUSINESS_NOUN.has(fourth[1]!.toLowerCase()) || PUBLIC_BODY.test(fourth[1]!)) && !opensWithRoleWord()) {
          words.push(fourth[1]!);
          end += fourth[0].length;
        } else if (fourth && FORM_AFTER_NAME.test(sample.slice(end + fourth[0].length, end + fourth[0].length + 40))) {
          // ("Southern Cross Hotel Management Limited": so may a fourth word that a legal form follows.)
          words.push(fourth[1]!);
          end += fourth[0].length;
        }
        break;
      }
      // "Bank of Avalon", "University of Leeds": "of" inside a name, between two of its capitalised words; so are the
      // particles of Spanish, Portuguese and Italian names ("Almacenes del Pacífico", "Rutas do Sul").
      const of = NAME_PARTICLE.exec(sample.slice(end, end + 12));
      if (of && nameWordCount(words) <= 2 && NAME_WORD_START.test(words[0]!)) {
        WORD.lastIndex = end + of[0].length;
        const after = WORD.exec(sample);
        if (after && !NOT_A_NAME.has(after[0].toLowerCase().replace(/[^a-z]/g, ""))) {
          words.push(of[1]!);
          end += of[0].length;
          continue;
        }
      }
      // ("Hollis & Crane": an ampersand joins two words of one name.)
      const gap = /^ (?:& )?(?=[A-Z])/.exec(sample.slice(end, end + 4));
      // ("Tita's Kitchen Corporation": a possessive inside a name that a legal form ends.)
      const owner = gap ? null : POSSESSIVE_IN_NAME.exec(sample.slice(end, end + 60));
      if (owner && words.length <= 2) {
        words[words.length - 1] += owner[1]!;
        words.push(...owner[2]!.split(" "));
        end += owner[0].length;
        break;
      }
      if (!gap) {
        // ("TeleServ 24 shall", "BioStat 2000's liability": a number that ends a name, right before its verb.)
        const number = NAME_NUMBER.exec(sample.slice(end, end + 40));
        if (number) {
          words.push(number[1]!);
          end += number[0].length;
        }
        break;
      }
      if (gap[0].length > 1) words.push("&");
      end += gap[0].length;
    }
    // ("Merlion Components Pte. Ltd.": the part of a legal form cut off by its full stop is no part of the name, and
    // the rest of the form, "Ltd", names no one.)
    while (words.length > 1 && FORM_PART.test(words[words.length - 1]!)) end = sample.lastIndexOf(words.pop()!, end);
    if (words.length === 0 || FORM_WORD.test(words[0]!)) {
      capital.lastIndex = Math.max(end, start + 1);
      continue;
    }
    let term = words.join(" ");
    // (`end` may stand past the space after the last word, where the next word was a function word.)
    let wordEnd = sample.slice(0, end).trimEnd().length;
    // ("Belgravia Hotel Management Limited shall", "Breede Valley Citrus (Pty) Ltd hereby", "Merlion Components Pte.
    // Ltd.'s liability": the legal form after the name's words is part of the name the clause uses for the party.)
    const form = FORM_AFTER_NAME.exec(sample.slice(wordEnd, wordEnd + 40));
    if (form) {
      term += form[0].replace(/\s+/g, " ");
      wordEnd += form[0].length;
      // (Its full stop, "Ltd. shall", is read past: the sentence goes on.)
      if (/^\.\s+[a-z]/.test(sample.slice(wordEnd, wordEnd + 3))) wordEnd += 1;
    } else if (
      words.length > 1 &&
      (FORM_WORD.test(words[words.length - 1]!) || DOTTED_FORM.test(words[words.length - 1]!)) &&
      /^\.\s+[a-z]/.test(sample.slice(wordEnd, wordEnd + 3))
    ) {
      // ("Clickwell Performance Inc. may terminate", "Laguna Informatica S.r.l. shall": a form read as the name's last
      // word has its full stop too.)
      wordEnd += 1;
    }
    if (
      (term.length >= 3 || SHORT_NAME.test(term)) &&
      (ACTS_AFTER.test(sample.slice(wordEnd, wordEnd + 140)) ||
        (HEADING_AFTER.test(sample.slice(wordEnd, wordEnd + 80)) && !HEADING_KIND.test(term)) ||
        RECEIVES_BEFORE.test(sample.slice(Math.max(0, start - 40), start)) ||
        ACTS_BEFORE.test(sample.slice(Math.max(0, start - 40), start)) ||
        // ("Claims of the Lessee against Elbe Leasing … are excluded": the claimant, when the one claimed against follows.)
        (/\bclaims?\s+(?:of|by)\s+(?:the\s+)?$/i.test(sample.slice(Math.max(0, start - 16), start)) &&
          /^\s+against\s+(?:the\s+)?[A-Z]/.test(sample.slice(wordEnd, wordEnd + 16))) ||
        (PAIR_BEFORE.test(sample.slice(Math.max(0, start - 90), start)) && PAIR_AFTER.test(sample.slice(wordEnd, wordEnd + 160))))
    ) {
      const c = counts.get(term) ?? { n: 0, first: start };
      c.n += 1;
      counts.set(term, c);
    }
    capital.lastIndex = wordEnd;
  }
  // ("TeleServ 24 personnel": where the number is not read with the name, the name is still the one that ends in it.)
  for (const [term, c] of [...counts]) {
    const base = /^(.+) \d{1,4}$/.exec(term)?.[1];
    const short = base ? counts.get(base) : undefined;
    if (!base || !short) continue;
    c.n += short.n;
    c.first = Math.min(c.first, short.first);
    counts.delete(base);
  }
  // A name that ends in a role word takes that word's role: "Hosting Provider" is a supplier whatever comes before.
  const roleOf = (term: string): Role => {
    const last = term.split(" ").pop()!.toLowerCase();
    const exact = generic.find(([g]) => g.toLowerCase() === term.toLowerCase());
    return (exact ?? (term.includes(" ") ? generic.find(([g]) => g.toLowerCase() === last) : undefined))?.[1] ?? "unknown";
  };
  const found = [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, 3)
    .map(([term]) => ({ term, role: roleOf(term) }));
  if (found.length === 2) {
    const [a, b] = found as [ImpliedActor, ImpliedActor];
    if (a.role === "unknown" && b.role !== "unknown") a.role = b.role === "buyer" ? "supplier" : "buyer";
    else if (b.role === "unknown" && a.role !== "unknown") b.role = a.role === "buyer" ? "supplier" : "buyer";
  }
  return found;
}
