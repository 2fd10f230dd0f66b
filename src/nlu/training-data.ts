// Reads the NLU training data in intents/ (see intents/README.md) into labelled examples.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { firstLine } from '../core/first-line';
import { ASPECTS, type Aspect, type Intent, isIntent } from '../core/labels';
import type { Problem } from '../core/problem';
import type { LexiconSource } from './lexicon';

export interface Example {
  text: string;
  intent: Intent;
  procedure: string | null;
  aspect: Aspect | null;
  /** For out-of-scope examples from intents/elsewhere/: the catalogue entry (knowledge/elsewhere/) that handles it. */
  redirect?: string;
  /** File (relative to the intents folder) it came from, for lint messages. */
  source: string;
}

export interface TrainingData {
  examples: Example[];
  lexicon: LexiconSource;
  aspectCues: Partial<Record<Aspect, string[]>>;
}

function readYaml(file: string, rel: string, problems: Problem[]): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push({
      file: rel,
      field: '(file)',
      reason: `not valid YAML: ${firstLine(e)}`,
    });
    return undefined;
  }
}

function stringList(v: unknown, rel: string, field: string, problems: Problem[]): string[] {
  if (v == null) return [];
  if (!Array.isArray(v)) {
    problems.push({ file: rel, field, reason: 'must be a list of sentences' });
    return [];
  }
  return v.flatMap((s, i) => {
    if (typeof s === 'string' && s.trim()) return [s.trim()];
    problems.push({ file: rel, field: `${field}[${i}]`, reason: 'must be a non-empty sentence' });
    return [];
  });
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function readProcedureFile(file: string, rel: string, problems: Problem[]): Example[] {
  const doc = readYaml(file, rel, problems) as
    { procedure?: unknown; examples?: Record<string, unknown> } | undefined;
  if (!doc) return [];
  const procedure = typeof doc.procedure === 'string' ? doc.procedure : null;
  if (!procedure) {
    problems.push({ file: rel, field: 'procedure', reason: 'missing procedure id' });
    return [];
  }
  const examples = doc.examples ?? {};
  const out: Example[] = [];
  for (const key of Object.keys(examples)) {
    if (!(ASPECTS as readonly string[]).includes(key)) {
      problems.push({
        file: rel,
        field: `examples.${key}`,
        reason: `unknown aspect (use ${ASPECTS.join(', ')})`,
      });
      continue;
    }
    for (const text of stringList(examples[key], rel, `examples.${key}`, problems)) {
      out.push({ text, intent: 'procedure', procedure, aspect: key as Aspect, source: rel });
    }
  }
  if (out.length === 0)
    problems.push({ file: rel, field: 'examples', reason: 'no examples: the procedure cannot be learned' });
  return out;
}

function readIntentFile(file: string, rel: string, problems: Problem[]): Example[] {
  const doc = readYaml(file, rel, problems) as { intent?: unknown; examples?: unknown } | undefined;
  if (!doc) return [];
  if (!isIntent(doc.intent) || doc.intent === 'procedure') {
    problems.push({ file: rel, field: 'intent', reason: `unknown intent ${JSON.stringify(doc.intent)}` });
    return [];
  }
  const intent = doc.intent;
  const texts = stringList(doc.examples, rel, 'examples', problems);
  if (texts.length === 0)
    problems.push({ file: rel, field: 'examples', reason: 'empty intent: no examples' });
  return texts.map((text) => ({ text, intent, procedure: null, aspect: null, source: rel }));
}

function readElsewhereFile(file: string, rel: string, problems: Problem[]): Example[] {
  const doc = readYaml(file, rel, problems) as { redirect?: unknown; examples?: unknown } | undefined;
  if (!doc) return [];
  if (typeof doc.redirect !== 'string' || !doc.redirect) {
    problems.push({
      file: rel,
      field: 'redirect',
      reason: 'missing catalogue entry id (a file name in knowledge/elsewhere/)',
    });
    return [];
  }
  const redirect = doc.redirect;
  const texts = stringList(doc.examples, rel, 'examples', problems);
  if (texts.length === 0)
    problems.push({ file: rel, field: 'examples', reason: 'no examples: the redirect cannot be learned' });
  return texts.map((text) => ({
    text,
    intent: 'out_of_scope' as const,
    procedure: null,
    aspect: null,
    redirect,
    source: rel,
  }));
}

/** Loads every file; problems (bad YAML, unknown labels, empty intents) are returned, not thrown. */
export function loadTrainingData(dir: string): { data: TrainingData; problems: Problem[] } {
  const problems: Problem[] = [];
  const examples: Example[] = [];
  for (const f of yamlFiles(path.join(dir, 'procedures'))) {
    examples.push(...readProcedureFile(f, path.relative(dir, f), problems));
  }
  for (const f of yamlFiles(path.join(dir, 'intents'))) {
    examples.push(...readIntentFile(f, path.relative(dir, f), problems));
  }
  for (const f of yamlFiles(path.join(dir, 'elsewhere'))) {
    examples.push(...readElsewhereFile(f, path.relative(dir, f), problems));
  }
  const lexFile = path.join(dir, 'lexicon.yaml');
  const lexicon = (
    fs.existsSync(lexFile) ? readYaml(lexFile, 'lexicon.yaml', problems) : {}
  ) as LexiconSource;
  const cueFile = path.join(dir, 'aspects.yaml');
  const rawCues = (fs.existsSync(cueFile) ? readYaml(cueFile, 'aspects.yaml', problems) : {}) as Record<
    string,
    unknown
  >;
  const aspectCues: Partial<Record<Aspect, string[]>> = {};
  for (const [k, v] of Object.entries(rawCues ?? {})) {
    if (!(ASPECTS as readonly string[]).includes(k)) {
      problems.push({ file: 'aspects.yaml', field: k, reason: 'unknown aspect' });
      continue;
    }
    aspectCues[k as Aspect] = stringList(v, 'aspects.yaml', k, problems);
  }
  return { data: { examples, lexicon: lexicon ?? {}, aspectCues }, problems };
}
