// `eval <file.jsonl>`: scores labelled messages and prints the accuracy report.
import fs from 'node:fs';
import { loadModel } from '../../nlu/load-model';
import { score, type Labelled, type Report } from '../../eval/score';
import { info } from '../io';
import { INTENTS_DIR } from '../paths';

const pct = (x: number) => x.toFixed(3);

function print(r: Report, verbose: boolean): void {
  const out: string[] = [];
  out.push(`messages: ${r.n}`);
  out.push(`intent accuracy:       ${pct(r.intentAccuracy)}`);
  out.push(`procedure accuracy:    ${pct(r.procedureAccuracy)}   (on procedure messages)`);
  out.push(`aspect accuracy:       ${pct(r.aspectAccuracy)}   (where the procedure is right)`);
  out.push(`code exact-match:      ${pct(r.codeExactMatch)}`);
  out.push(`out-of-scope:          precision ${pct(r.outOfScope.precision)}  recall ${pct(r.outOfScope.recall)}`);
  out.push(`calibration error:     ${pct(r.calibrationError)}   (expected |accuracy - confidence|, 10 bins)`);
  out.push('per tag (n, intent acc, procedure acc):');
  for (const [tag, s] of Object.entries(r.perTag)) {
    out.push(`  ${tag.padEnd(18)} ${String(s.n).padStart(4)}  ${pct(s.intentAccuracy)}  ${s.procedureAccuracy === null ? '  -  ' : pct(s.procedureAccuracy)}`);
  }
  out.push('confusion pairs (expected → predicted: count):');
  for (const c of r.confusions.slice(0, verbose ? 1000 : 25)) out.push(`  ${c.expected} → ${c.predicted}: ${c.count}`);
  if (verbose) {
    out.push('errors:');
    for (const e of r.errors) out.push(`  [${e.expected} → ${e.predicted} @${e.confidence.toFixed(2)}] ${e.text}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

export async function evalCommand(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    info('usage: motcua eval <file.jsonl> [--errors] [--json]');
    return 2;
  }
  if (!fs.existsSync(file)) {
    info(`eval: file not found: ${file}`);
    return 2;
  }
  const gold: Labelled[] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Labelled;
      } catch {
        throw new Error(`${file}: line ${i + 1} is not JSON`);
      }
    });
  const model = loadModel(INTENTS_DIR);
  const report = score(gold, gold.map((g) => model.understand(g.text)));
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else print(report, args.includes('--errors'));
  return 0;
}
