// `eval [file.jsonl ...] [--cv [k]] [--errors] [--json]`: scores each evaluation file (labelled
// messages, dialogues, fact questions; see src/eval/sets.ts) and, with --cv, cross-validates the
// model on the training data. Without files: the dev set and every eval/*.jsonl.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Assistant } from '../../assistant';
import { crossValidate } from '../../eval/cross-validate';
import { scoreDialogues, type DialogueReport } from '../../eval/dialogues';
import { scoreFacts, type FactReport } from '../../eval/facts';
import { score, type Report } from '../../eval/score';
import { readEvalSet, type EvalSet } from '../../eval/sets';
import { loadTrainingDataOrThrow } from '../../nlu/load-model';
import { info } from '../io';
import { projectRoot } from '../../config/project-root';
import { cliServices } from '../services';
import { converseTurn } from './converse';

const DEFAULT_CV_FOLDS = 4;
const pct = (x: number) => x.toFixed(3);

function defaultFiles(): string[] {
  const root = projectRoot();
  const dev = path.join(root, '..', 'shared', 'eval', 'dev.jsonl');
  const own = path.join(root, 'eval');
  // Message sets at the top; dialogue and fact sets in eval/dialogues/ and eval/facts/ (tools that read
  // eval/*.jsonl expect messages with a `text`).
  const ours = ['', 'dialogues', 'facts'].flatMap((sub) => {
    const dir = path.join(own, sub);
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  });
  return [...(fs.existsSync(dev) ? [dev] : []), ...ours];
}

function messagesReport(r: Report, verbose: boolean): string[] {
  const out: string[] = [];
  out.push(`messages: ${r.n}`);
  out.push(
    `label accuracy:        ${pct(r.labelAccuracy)}   (intent right, and procedure right for procedure messages)`,
  );
  out.push(`intent accuracy:       ${pct(r.intentAccuracy)}`);
  out.push(`procedure accuracy:    ${pct(r.procedureAccuracy)}   (on procedure messages)`);
  out.push(`aspect accuracy:       ${pct(r.aspectAccuracy)}   (where the procedure is right)`);
  out.push(`code exact-match:      ${pct(r.codeExactMatch)}`);
  out.push(
    `out-of-scope:          precision ${pct(r.outOfScope.precision)}  recall ${pct(r.outOfScope.recall)}`,
  );
  out.push(
    `direct answers:        accuracy ${pct(r.directAnswers.accuracy)} of coverage ${pct(r.directAnswers.coverage)}   (confidence >= ${r.directAnswers.threshold}, no context)`,
  );
  out.push(`calibration error:     ${pct(r.calibrationError)}   (expected |accuracy - confidence|, 10 bins)`);
  out.push('per tag (n, intent acc, procedure acc):');
  for (const [tag, s] of Object.entries(r.perTag)) {
    out.push(
      `  ${tag.padEnd(18)} ${String(s.n).padStart(4)}  ${pct(s.intentAccuracy)}  ${s.procedureAccuracy === null ? '  -  ' : pct(s.procedureAccuracy)}`,
    );
  }
  out.push('confusion pairs (expected → predicted: count):');
  for (const c of r.confusions.slice(0, verbose ? 1000 : 25))
    out.push(`  ${c.expected} → ${c.predicted}: ${c.count}`);
  if (verbose) {
    out.push('errors:');
    for (const e of r.errors)
      out.push(`  [${e.expected} → ${e.predicted} @${e.confidence.toFixed(2)}] ${e.text}`);
  }
  return out;
}

function dialoguesReport(r: DialogueReport, verbose: boolean): string[] {
  const out = [
    `dialogues: ${r.dialogues}, turns: ${r.turns}`,
    `turns understood:      ${pct(r.turnAccuracy)}   (intent, procedure and aspect right, in context)`,
    `follow-up turns:       ${pct(r.followUpAccuracy)}   (turns after the first)`,
    `whole dialogues:       ${pct(r.dialogueAccuracy)}`,
  ];
  for (const e of r.errors.slice(0, verbose ? 1000 : 15))
    out.push(`  ${e.id}#${e.turn} [${e.expected} → ${e.predicted}] ${e.text}`);
  return out;
}

function factsReport(r: FactReport, verbose: boolean): string[] {
  const out = [
    `fact questions: ${r.n}`,
    `answered with the fact: ${pct(r.accuracy)}   (reply contains an expected string)`,
  ];
  for (const m of r.misses.slice(0, verbose ? 1000 : 10))
    out.push(`  ${m.id}: ${m.question} (expected any of ${JSON.stringify(m.expected)})`);
  return out;
}

async function scoreSet(
  set: EvalSet,
  assistant: Assistant,
  run: string,
): Promise<Report | DialogueReport | FactReport> {
  switch (set.kind) {
    case 'messages':
      return score(
        set.items,
        set.items.map((g) => assistant.understand(g.text)),
      );
    case 'dialogues':
      return scoreDialogues(set.items, (id, text) => converseTurn(assistant, run, `d:${id}`, text));
    case 'facts':
      return scoreFacts(set.items, async (id, q) =>
        (await converseTurn(assistant, run, `f:${id}`, q)).replies.map((r) => r.text),
      );
  }
}

function cvFolds(args: string[]): number | null {
  const i = args.indexOf('--cv');
  if (i < 0) return null;
  const k = Number(args[i + 1]);
  return Number.isInteger(k) && k >= 2 ? k : DEFAULT_CV_FOLDS;
}

export async function evalCommand(args: string[]): Promise<number> {
  const folds = cvFolds(args);
  const cvIndex = args.indexOf('--cv');
  const files = args.filter(
    (a, i) => !a.startsWith('--') && !(cvIndex >= 0 && i === cvIndex + 1 && /^\d+$/.test(a)),
  );
  const chosen = files.length ? files : defaultFiles();
  const missing = chosen.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    info(
      `eval: file not found: ${missing.join(', ')}\nusage: motcua eval [file.jsonl ...] [--cv [k]] [--errors] [--json]`,
    );
    return 2;
  }
  const verbose = args.includes('--errors');
  const json = args.includes('--json');
  const sets = chosen.map(readEvalSet);
  // A scratch store: evaluation leaves no conversations behind.
  const services = cliServices({ store: 'scratch', seedDemo: true });
  const assistant = await services.assistant();
  const run = randomUUID();
  try {
    for (const set of sets) {
      const report = await scoreSet(set, assistant, run);
      const name = path.relative(process.cwd(), set.file) || set.file;
      if (json) process.stdout.write(`${JSON.stringify({ file: name, kind: set.kind, report })}\n`);
      else {
        const lines =
          set.kind === 'messages'
            ? messagesReport(report as Report, verbose)
            : set.kind === 'dialogues'
              ? dialoguesReport(report as DialogueReport, verbose)
              : factsReport(report as FactReport, verbose);
        process.stdout.write(`== ${name} (${set.kind})\n${lines.join('\n')}\n\n`);
      }
    }
  } finally {
    await services.close();
  }
  if (folds !== null) {
    const r = crossValidate(loadTrainingDataOrThrow(services.config.intentsDir), folds);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ file: 'intents/ (cross-validated)', kind: 'cv', folds, report: r })}\n`,
      );
    else {
      const head = `== training data, ${folds}-fold cross-validation (near-paraphrases kept in one fold; "tags" are source files)`;
      process.stdout.write(
        `${head}\n${messagesReport(r, false)
          .filter((l) => !l.startsWith('code'))
          .join('\n')}\n`,
      );
    }
  }
  return 0;
}
