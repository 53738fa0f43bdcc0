import { createHash } from "node:crypto";
import { escapeHtml } from "./escape.js";

/**
 * The page shell every HTML report shares: inline CSS, one small inline script, and a Content-Security-Policy
 * that allows only that script (by hash), inline styles and nothing from the network. Escaping is the first
 * defence against markup in contract text; the policy is the second — even a missed tag could not run code
 * or load anything.
 */
const CSS = `
:root{--flag:#c62828;--gap:#6a1b9a;--strength:#2e7d32;--ink:#1d2327;--muted:#5f6b73;--line:#dde3e7}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#f6f8f9}
main{max-width:1000px;margin:0 auto;padding:24px}
header.top{background:#263238;color:#fff;padding:18px 24px}
header.top h1{margin:0;font-size:22px}
header.top p{margin:4px 0 0;color:#cfd8dc}
section.document,section.portfolio,section.comparison{background:#fff;border:1px solid var(--line);border-radius:8px;padding:20px 24px;margin:0 0 24px}
h2{margin:0 0 8px;font-size:20px;word-break:break-all}
h3{margin:24px 0 8px;font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px}
h4{margin:14px 0 6px;font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.index{display:flex;gap:24px;align-items:center;flex-wrap:wrap}
.big{font-size:44px;font-weight:700;line-height:1}
.big small{font-size:16px;color:var(--muted);font-weight:400}
.score-hi{color:var(--strength)}.score-mid{color:#b26a00}.score-lo{color:var(--flag)}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
div.table-wrap{overflow-x:auto}
figure{margin:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.finding{border-left:4px solid var(--line);padding:8px 12px;margin:10px 0;background:#fafbfc;break-inside:avoid}
.finding.flag{border-color:var(--flag)}.finding.gap{border-color:var(--gap)}.finding.strength{border-color:var(--strength)}
.finding header{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.finding .title{font-weight:600}
.where,.rule{color:var(--muted);font-size:13px}
.badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;padding:1px 6px;border-radius:3px;color:#fff;background:#607d8b}
.sev-critical{background:#7f0000}.sev-high{background:var(--flag)}.sev-medium{background:#ef6c00}.sev-low{background:#0277bd}.sev-info{background:#607d8b}
.badge.kind-gap{background:var(--gap)}.badge.kind-strength{background:var(--strength)}
blockquote{margin:6px 0;padding:6px 10px;background:#fff;border:1px solid var(--line);border-radius:4px;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe082;padding:0 1px}
.why,.fix{margin:4px 0}
.fix::before{content:"→ ";color:var(--strength);font-weight:700}
.delta-up{color:var(--strength)}.delta-down{color:var(--flag)}.delta-same{color:var(--muted)}
.controls{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 24px;font-size:14px;z-index:1}
.controls label{margin-right:12px;white-space:nowrap}
.error{color:var(--flag);font-weight:600}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
svg.chart{max-width:100%;height:auto}
pre.arith{font-size:12px;white-space:pre-wrap;margin:2px 0 8px;color:var(--muted)}
.kpis{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}
.kpi{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.kpi strong{display:block;font-size:26px;line-height:1.1}
.kpi span{color:var(--muted);font-size:13px}
.exec{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px 24px;align-items:start}
.exec .recurring{grid-column:1/-1}
ol.worst{margin:0;padding-left:20px}
ol.worst li{margin:2px 0}
body.portfolio-page main{max-width:1200px}
table.portfolio-table{table-layout:fixed;font-size:13px}
table.portfolio-table th{font-size:12px;vertical-align:bottom;hyphens:auto}
table.portfolio-table td:first-child,table.portfolio-table th:first-child{width:26%;overflow-wrap:anywhere}
table.portfolio-table td,table.portfolio-table th{padding:4px 5px}
details.doc-detail{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 10px}
details.doc-detail>summary{padding:10px 16px;cursor:pointer;font-weight:600}
details.doc-detail>summary .doc-name{overflow-wrap:anywhere}
details.doc-detail section.document{border:0;margin:0;border-top:1px solid var(--line);border-radius:0 0 8px 8px}
section.details-list>h2{margin:8px 0}
@media print{
  body{background:#fff;font-size:11pt}
  .controls{display:none}
  main{max-width:none;padding:0}
  header.top{background:none;color:#000;padding:0 0 8pt;border-bottom:2px solid #000}
  header.top p{color:#333}
  section.document,section.portfolio,section.comparison{border:0;padding:0;break-before:page}
  section:first-of-type{break-before:auto}
  .finding{background:none}
  a{color:inherit;text-decoration:none}
  .badge,.badge.kind-gap,.badge.kind-strength{border:1px solid #000;color:#000;background:none}
  details>summary{list-style:none}
  /* A portfolio prints as the summary and table, then one page per contract: its index, chart, parties and
     "fix first"; the full findings stay on screen (the beforeprint script opens only the contract folds). */
  body.portfolio-page section.portfolio{font-size:9.5pt}
  body.portfolio-page table.portfolio-table{font-size:8pt;table-layout:auto}
  body.portfolio-page table.portfolio-table th,body.portfolio-page table.portfolio-table th button{font-size:7pt}
  body.portfolio-page table.portfolio-table td:first-child{width:auto}
  body.portfolio-page section.details-list>h2,body.portfolio-page section.details-list>p{display:none}
  details.doc-detail{border:0;margin:0;break-before:page;break-inside:avoid}
  details.doc-detail>summary{display:none}
  details.doc-detail section.document{border:0;padding:0;break-before:auto}
  details.doc-detail details.principle,details.doc-detail h3.findings-heading,details.doc-detail p.back{display:none}
  details.doc-detail svg.chart{width:480px;height:auto}
}`;

const SCRIPT = `(function(){
"use strict";
var controls=document.querySelector(".controls");
if(controls){controls.hidden=false;}
function apply(){
  var on={};
  document.querySelectorAll(".controls input[type=checkbox]").forEach(function(b){on[b.value]=b.checked;});
  document.querySelectorAll(".finding").forEach(function(f){
    f.hidden=!(on["kind-"+f.dataset.kind]!==false&&on["sev-"+f.dataset.severity]!==false);
  });
}
document.querySelectorAll(".controls input[type=checkbox]").forEach(function(b){b.addEventListener("change",apply);});
document.querySelectorAll("button[data-toggle]").forEach(function(b){
  b.addEventListener("click",function(){
    var open=b.dataset.toggle==="open";
    document.querySelectorAll("details").forEach(function(d){d.open=open;});
  });
});
document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th button").forEach(function(btn,col){
    btn.addEventListener("click",function(){
      var th=btn.parentNode;var asc=th.getAttribute("aria-sort")!=="ascending";
      table.querySelectorAll("th").forEach(function(h){h.removeAttribute("aria-sort");});
      th.setAttribute("aria-sort",asc?"ascending":"descending");
      var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[col].dataset.sort,y=b.cells[col].dataset.sort;
        var nx=Number(x),ny=Number(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y));
        return asc?c:-c;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
function openTarget(){
  var id=decodeURIComponent(location.hash.slice(1));var t=id&&document.getElementById(id);
  for(var e=t;e;e=e.parentElement){if(e.tagName==="DETAILS"){e.open=true;}}
  if(t){t.scrollIntoView();}
}
window.addEventListener("hashchange",openTarget);
if(location.hash){openTarget();}
window.addEventListener("beforeprint",function(){
  var portfolio=document.body.classList.contains("portfolio-page");
  document.querySelectorAll(portfolio?"details.doc-detail":"details").forEach(function(d){d.open=true;});
});
})();`;

const SCRIPT_HASH = createHash("sha256").update(SCRIPT).digest("base64");

export interface PageParts {
  title: string;
  subtitle: string;
  /** Show the filter bar (finding pages). */
  controls: boolean;
  body: string;
  /** A class on <body> ("portfolio-page": wider table, folded contracts, summary-first printing). */
  bodyClass?: string;
}

export function htmlPage(parts: PageParts): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const controls = parts.controls
    ? `<div class="controls" hidden><strong>Show:</strong> ` +
      [
        ["kind-flag", "flags"],
        ["kind-gap", "gaps"],
        ["kind-strength", "strengths"],
        ["sev-critical", "critical"],
        ["sev-high", "high"],
        ["sev-medium", "medium"],
        ["sev-low", "low"],
        ["sev-info", "info"],
      ]
        .map(([v, l]) => `<label><input type="checkbox" value="${v}" checked> ${l}</label>`)
        .join("") +
      ` <button type="button" data-toggle="open">expand all</button> <button type="button" data-toggle="close">collapse all</button></div>`
    : "";
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${escapeHtml(parts.title)}</title>\n<style>${CSS}\n</style>\n</head>\n<body${parts.bodyClass ? ` class="${escapeHtml(parts.bodyClass)}"` : ""}>\n` +
    `<header class="top"><h1>${escapeHtml(parts.title)}</h1><p>${escapeHtml(parts.subtitle)}</p></header>\n` +
    `${controls}\n<main>\n${parts.body}\n</main>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}

export function scoreClass(score: number): string {
  return score >= 75 ? "score-hi" : score >= 50 ? "score-mid" : "score-lo";
}
