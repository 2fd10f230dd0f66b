// Export the knowledge the bot answers from as the knowledge/ folder (a .tar.gz of YAML files), and plan
// the import of such an archive: every file checked like `kb validate`, what would change per procedure.
// A province ships procedures to many communes, so an archive's commune profiles, overrides and province
// file never replace this deployment's: the import takes the shared procedures only.
import YAML from 'yaml';
import { firstLine } from '../../core/first-line';
import type { Problem } from '../../core/problem';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import type { Procedure } from '../../kb/schema';
import { diffDocuments, type Change } from './diff';
import { checkProcedure } from '../../kb/published/procedure-input';
import { readTar, writeTarGz } from './tar';

const ROOT = 'knowledge';

function yamlFile(doc: unknown, now: Date, source: string): Buffer {
  return Buffer.from(
    `# Exported from motcua on ${now.toISOString()} (source: ${source})\n${YAML.stringify(doc)}`,
    'utf8',
  );
}

export function exportKnowledge(kb: KnowledgeBase, now: Date): Buffer {
  const file = (name: string, doc: unknown) => ({ name: `${ROOT}/${name}`, content: yamlFile(doc, now, kb.source) });
  const entries = [file('province.yaml', kb.province)];
  for (const c of [...kb.communes.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    entries.push(file(`communes/${c.id}.yaml`, c));
    const own = kb.overrides.get(c.id);
    for (const pid of [...(own?.keys() ?? [])].sort())
      entries.push(file(`communes/${c.id}/overrides/${pid}.yaml`, own?.get(pid)));
  }
  for (const p of [...kb.procedures.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    entries.push(file(`procedures/${p.id}.yaml`, p));
  }
  return writeTarGz(entries, now);
}

export interface ImportItem {
  id: string;
  file: string;
  action: 'create' | 'update' | 'unchanged';
  changes: Change[];
  procedure: Procedure;
}

export interface ImportPlan {
  items: ImportItem[];
  skipped: Array<{ file: string; reason: string }>;
  problems: Problem[];
}

const PROCEDURE_FILE = /(?:^|\/)procedures\/([^/]+)\.ya?ml$/;

function skipReason(name: string): string {
  if (/(?:^|\/)communes\/[^/]+\/overrides\//.test(name)) return "a commune's overrides stay its own";
  if (/(?:^|\/)(?:communes\/[^/]+|commune)\.ya?ml$/.test(name)) return "the commune profiles stay each commune's own";
  if (/(?:^|\/)province\.ya?ml$/.test(name)) return "the province's decisions are not replaced by an archive";
  return 'not a procedure file';
}

export function planImport(archive: Buffer, current: KnowledgeBase): ImportPlan {
  const plan: ImportPlan = { items: [], skipped: [], problems: [] };
  let entries;
  try {
    entries = readTar(archive);
  } catch (err) {
    plan.problems.push({ file: '(archive)', field: '(file)', reason: (err as Error).message });
    return plan;
  }
  const seen = new Set<string>();
  for (const e of entries) {
    const id = PROCEDURE_FILE.exec(e.name)?.[1];
    if (id === undefined) {
      plan.skipped.push({ file: e.name, reason: skipReason(e.name) });
      continue;
    }
    const file = `procedures/${id}.yaml`;
    if (seen.has(id)) {
      plan.problems.push({
        file: e.name,
        field: '(file)',
        reason: `procedure ${id} appears twice in the archive`,
      });
      continue;
    }
    seen.add(id);
    let doc: unknown;
    try {
      doc = YAML.parse(e.content.toString('utf8'));
    } catch (err) {
      plan.problems.push({
        file,
        field: '(file)',
        reason: `cannot be read as YAML: ${firstLine(err)}`,
      });
      continue;
    }
    const { procedure, problems } = checkProcedure(doc, id, file);
    plan.problems.push(...problems);
    if (!procedure) continue;
    const before = current.procedures.get(id);
    const changes = diffDocuments(before ?? null, procedure);
    const action = !before ? 'create' : changes.length ? 'update' : 'unchanged';
    plan.items.push({ id, file, action, changes, procedure });
  }
  if (entries.length === 0)
    plan.problems.push({ file: '(archive)', field: '(file)', reason: 'contains no files' });
  return plan;
}
