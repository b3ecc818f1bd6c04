// Accessibility checks for tier (e) with axe-core (the npm package pinned in package.json).
//
// axe.min.js is read from node_modules and injected as an inline script (page.addScriptTag with
// `content`, never a URL), so nothing loads from outside the page's origin.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** axe-core's version and its minified source, read once. */
export const AXE = (() => {
  const pkg = require('axe-core/package.json');
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return { version: pkg.version, source };
})();

/** Impacts that fail the check; the others are counted and printed. */
export const FAILING = new Set(['serious', 'critical']);

/**
 * Injects axe into `page` (once) and runs it over the whole document. Returns the violations as
 * axe reports them (`id`, `impact`, `help`, `nodes[].target`, `nodes[].html`, …).
 */
export async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object' && typeof window.axe.run === 'function');
  if (!loaded) await page.addScriptTag({ content: AXE.source });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations;
}

/**
 * Splits violations into failing (serious, critical) and the rest, and tallies them by impact:
 * `counts[impact] = { nodes, rules }` (rules: the rule ids, in order).
 */
export function triage(violations) {
  const failing = violations.filter((v) => FAILING.has(v.impact));
  const counts = {};
  for (const v of violations) {
    const c = (counts[v.impact ?? 'unknown'] ??= { nodes: 0, rules: [] });
    c.nodes += v.nodes.length;
    if (!c.rules.includes(v.id)) c.rules.push(v.id);
  }
  return { failing, counts };
}

const oneLine = (s, max = 200) => {
  const t = String(s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** One violation: "rule (impact, N nodes): help" then up to 3 "target — html" lines. */
export function describeViolation(v, indent = '  ') {
  const head = `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}`;
  const nodes = v.nodes.slice(0, 3).map((n) => {
    // The first check that failed says why (e.g. the contrast ratio and both colours).
    const why = [...(n.any ?? []), ...(n.all ?? []), ...(n.none ?? [])].find((c) => c.message)?.message;
    return `${indent}  ${n.target.join(' ')} — ${oneLine(n.html)}${why ? `\n${indent}    ${oneLine(why, 300)}` : ''}`;
  });
  if (v.nodes.length > 3) nodes.push(`${indent}  … ${v.nodes.length - 3} more`);
  return [`${indent}${head}`, ...nodes].join('\n');
}

/** "moderate 2 nodes (region), minor 1 node (…)" per impact, or "no violation". */
export function describeCounts(counts) {
  const order = ['critical', 'serious', 'moderate', 'minor', 'unknown'];
  const parts = order
    .filter((k) => counts[k])
    .map((k) => `${k} ${counts[k].nodes} node${counts[k].nodes === 1 ? '' : 's'} (${counts[k].rules.join(', ')})`);
  return parts.length ? parts.join(', ') : 'no violation';
}

/** Runs axe on `page` and records it: "<where>: <counts>" into `lines`, each serious or
 *  critical violation, described, into `failing`. */
export async function axeInto(page, where, lines, failing) {
  const { failing: bad, counts } = triage(await runAxe(page));
  lines.push(`${where}: ${describeCounts(counts)}`);
  for (const v of bad) failing.push(`${where}:\n${describeViolation(v, '    ')}`);
}
