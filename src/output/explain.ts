/**
 * Human-readable explanation of a coded story: for each sentence, the actors found (and the dictionary
 * entry behind each), the verbs, and the rule that matched each verb or why none did.
 */
import type { Provenance, StoryResult } from '../types.js';
import { oneLine } from './text.js';

function where(p: Provenance): string {
  return `${p.id} @ ${p.file}:${p.line}`;
}

export function formatExplain(r: StoryResult): string {
  const lines: string[] = [];
  const title = r.headline ? ` — ${oneLine(r.headline)}` : '';
  lines.push(`== ${r.doc}${r.date ? ` (${r.date})` : ''}${title}`);
  if (r.explain === undefined) {
    lines.push('   no explanation recorded (run with --explain)');
  } else if (r.explain.length === 0) {
    lines.push(r.sentences.length === 0 ? '   no sentences' : '   no sentence explanations');
  }
  for (const s of r.explain ?? []) {
    lines.push(`[${s.sentence}] ${oneLine(s.text)}`);
    if (s.actors.length === 0) lines.push('    actors: none');
    for (const a of s.actors) lines.push(`    actor  "${oneLine(a.text)}" → ${a.code}  (${where(a.rule)})`);
    if (s.verbs.length === 0) lines.push('    verbs:  none');
    for (const v of s.verbs) {
      const lemma = v.lemma && v.lemma !== v.text ? ` (${v.lemma})` : '';
      const outcome = v.matched ? `matched ${where(v.matched)}` : 'no rule';
      const why = v.why ? `: ${oneLine(v.why)}` : '';
      lines.push(`    verb   "${oneLine(v.text)}"${lemma} → ${outcome}${why}`);
    }
    const events = r.events.filter((e) => e.sentence === s.sentence);
    for (const e of events) {
      lines.push(`    event  ${e.source.code} → ${e.target?.code ?? '-'}  ${e.cameo.code}  ${e.plover.type ?? '-'}  (${where(e.rule)})`);
    }
  }
  return lines.join('\n') + '\n';
}
