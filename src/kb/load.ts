// Reads and validates knowledge/ (commune.yaml + procedures/*.yaml + elsewhere/*.yaml). Never throws on bad files:
// every problem is returned as file/field/reason, and a knowledge base only when all files are valid.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { firstLine } from '../core/first-line';
import type { ZodType, z } from 'zod';
import type { Problem } from '../core/problem';
import type { KnowledgeBase } from './knowledge-base';
import { elsewhereSchema } from './elsewhere-schema';
import { communeSchema, procedureSchema, type Commune } from './schema';

function parseFile<T>(file: string, rel: string, schema: ZodType<T>, problems: Problem[]): T | undefined {
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push({
      file: rel,
      field: '(file)',
      reason: `cannot be read as YAML: ${firstLine(e)}`,
    });
    return undefined;
  }
  return validate(doc, rel, schema, problems);
}

function reasonOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is missing';
  return issue.message.replace(/^Invalid input: /, '');
}

/** Validates one parsed document (also used for edits that come from the staff console). */
export function validate<T>(
  doc: unknown,
  rel: string,
  schema: ZodType<T>,
  problems: Problem[],
): T | undefined {
  const r = schema.safeParse(doc);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '(file)';
    problems.push({ file: rel, field, reason: reasonOf(issue) });
  }
  return undefined;
}

/** Every <id>.yaml of a folder (absent folder: none), each valid and named by its id. */
function loadFolder<T extends { id: string }>(
  dir: string,
  folder: string,
  schema: ZodType<T>,
  problems: Problem[],
): { files: string[]; items: Map<string, T> } {
  const full = path.join(dir, folder);
  const files = fs.existsSync(full)
    ? fs
        .readdirSync(full)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const items = new Map<string, T>();
  for (const f of files) {
    const rel = `${folder}/${f}`;
    const item = parseFile(path.join(full, f), rel, schema, problems);
    if (!item) continue;
    const expected = f.replace(/\.ya?ml$/, '');
    if (item.id !== expected)
      problems.push({ file: rel, field: 'id', reason: `must equal the file name (${expected})` });
    else items.set(item.id, item);
  }
  return { files, items };
}

export function loadKnowledge(
  dir: string,
  requiredIds: readonly string[] = [],
): { kb?: KnowledgeBase; problems: Problem[] } {
  const problems: Problem[] = [];
  const communeFile = path.join(dir, 'commune.yaml');
  let commune: Commune | undefined;
  if (fs.existsSync(communeFile)) commune = parseFile(communeFile, 'commune.yaml', communeSchema, problems);
  else problems.push({ file: 'commune.yaml', field: '(file)', reason: 'is missing' });

  const { files, items: procedures } = loadFolder(dir, 'procedures', procedureSchema, problems);
  const { items: elsewhere } = loadFolder(dir, 'elsewhere', elsewhereSchema, problems);
  for (const id of elsewhere.keys()) {
    if (procedures.has(id))
      problems.push({
        file: `elsewhere/${id}.yaml`,
        field: 'id',
        reason: 'is a procedure the bot guides (procedures/): a redirect would shadow it',
      });
  }
  for (const id of requiredIds) {
    if (!procedures.has(id) && !files.some((f) => f.startsWith(`${id}.`))) {
      problems.push({
        file: `procedures/${id}.yaml`,
        field: '(file)',
        reason: 'is missing: the procedure id is required by the taxonomy',
      });
    }
  }
  if (problems.length || !commune) return { problems };
  return { kb: { commune, procedures, elsewhere, source: 'files' }, problems };
}
