import { escapeHtml } from "./escape.js";

/**
 * Small inline-SVG charts for the HTML report, drawn here so the report needs no charting library and no
 * network. Every label passes through escapeHtml; numbers are rounded so the output is deterministic.
 */

export interface Bar {
  label: string;
  value: number;
  /** Optional second value drawn as a tick (e.g. the earlier draft's score). */
  previous?: number;
}

function colour(score: number): string {
  return score >= 75 ? "#2e7d32" : score >= 50 ? "#f9a825" : "#c62828";
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** Horizontal bars on a 0–100 scale with a dashed line at the neutral 50. */
export function scoreBars(bars: readonly Bar[], title: string): string {
  const labelW = 250;
  const barW = 320;
  const rowH = 28;
  const top = 10;
  const width = labelW + barW + 50;
  const height = top + bars.length * rowH + 24;
  const x = (v: number) => labelW + (Math.max(0, Math.min(100, v)) / 100) * barW;
  const rows = bars
    .map((b, i) => {
      const y = top + i * rowH;
      const prev =
        b.previous === undefined
          ? ""
          : `<line class="prev" x1="${r1(x(b.previous))}" x2="${r1(x(b.previous))}" y1="${y + 2}" y2="${y + rowH - 6}" stroke="#333" stroke-width="2"><title>before: ${b.previous}</title></line>`;
      return (
        `<g class="bar" data-score="${Math.round(b.value)}">` +
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="13">${escapeHtml(b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="${rowH - 12}" fill="#eceff1"/>` +
        `<rect x="${labelW}" y="${y + 4}" width="${r1(x(b.value) - labelW)}" height="${rowH - 12}" fill="${colour(b.value)}"><title>${escapeHtml(b.label)}: ${Math.round(b.value)}</title></rect>` +
        prev +
        `<text x="${r1(x(100) + 8)}" y="${y + 17}" font-size="13" font-weight="bold">${Math.round(b.value)}</text>` +
        `</g>`
      );
    })
    .join("");
  const axis = [0, 50, 100]
    .map((v) => `<text x="${r1(x(v))}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#555">${v}</text>`)
    .join("");
  const mid = `<line x1="${r1(x(50))}" x2="${r1(x(50))}" y1="${top}" y2="${top + bars.length * rowH}" stroke="#555" stroke-dasharray="3 3"/>`;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${rows}${mid}${axis}</svg>`;
}

/** Column histogram of scores in ten buckets of ten points (0–9 … 90–100). */
export function scoreHistogram(scores: readonly number[], title: string): string {
  const buckets = new Array<number>(10).fill(0);
  for (const s of scores) buckets[Math.min(9, Math.max(0, Math.floor(s / 10)))]!++;
  const max = Math.max(1, ...buckets);
  const colW = 40;
  const plotH = 120;
  const left = 30;
  const top = 22; // room for the count above the tallest column
  const width = left + buckets.length * colW + 10;
  const height = top + plotH + 30;
  const cols = buckets
    .map((n, i) => {
      const h = (n / max) * plotH;
      const x = left + i * colW;
      const label = `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`;
      return (
        `<g class="bucket" data-count="${n}">` +
        `<rect x="${x + 4}" y="${r1(top + plotH - h)}" width="${colW - 8}" height="${r1(h)}" fill="${colour(i * 10 + 5)}"><title>${label}: ${n} document(s)</title></rect>` +
        (n ? `<text x="${x + colW / 2}" y="${r1(top - 4 + plotH - h)}" text-anchor="middle" font-size="11">${n}</text>` : "") +
        `<text x="${x + colW / 2}" y="${top + plotH + 16}" text-anchor="middle" font-size="10" fill="#555">${i * 10}</text>` +
        `</g>`
      );
    })
    .join("");
  const baseLine = `<line x1="${left}" x2="${width - 10}" y1="${top + plotH}" y2="${top + plotH}" stroke="#555"/>`;
  return `<svg class="chart histogram" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${cols}${baseLine}</svg>`;
}
