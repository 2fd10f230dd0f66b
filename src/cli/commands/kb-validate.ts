// `kb validate [--taxonomy <taxonomy.json>]`: every problem as "file: field: reason"; non-zero exit on any.
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../core/problem';
import { loadKnowledge } from '../../kb/load';
import { info } from '../io';
import { KNOWLEDGE_DIR, ROOT } from '../paths';

/** The evaluation taxonomy lives beside the repo; its procedure ids must all exist in the knowledge base. */
const DEFAULT_TAXONOMY = path.join(ROOT, '..', 'shared', 'eval', 'taxonomy.json');

export function requiredProcedureIds(taxonomyFile: string): string[] {
  const t = JSON.parse(fs.readFileSync(taxonomyFile, 'utf8')) as { procedures?: Record<string, string> };
  return Object.keys(t.procedures ?? {});
}

export async function kbValidateCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--taxonomy');
  const taxonomy = i >= 0 ? args[i + 1] : fs.existsSync(DEFAULT_TAXONOMY) ? DEFAULT_TAXONOMY : null;
  const dirIdx = args.indexOf('--dir');
  const dir = dirIdx >= 0 ? args[dirIdx + 1] : KNOWLEDGE_DIR;
  const { kb, problems } = loadKnowledge(dir, taxonomy ? requiredProcedureIds(taxonomy) : []);
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (problems.length) {
    info(`kb validate: ${problems.length} problem(s) in ${dir}`);
    return 1;
  }
  info(`kb validate: ${kb?.procedures.size} procedures and the commune profile are valid${taxonomy ? ` (checked against ${path.relative(process.cwd(), taxonomy)})` : ''}`);
  return 0;
}
