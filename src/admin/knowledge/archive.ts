// Export the knowledge the bot answers from as the knowledge/ folder (a .tar.gz of YAML files), and plan
// the import of such an archive: every file checked like `kb validate`, what would change per procedure.
// A province ships procedures to many communes, so an archive's commune.yaml never replaces the profile.
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
  const entries = [{ name: `${ROOT}/commune.yaml`, content: yamlFile(kb.commune, now, kb.source) }];
  for (const p of [...kb.procedures.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    entries.push({ name: `${ROOT}/procedures/${p.id}.yaml`, content: yamlFile(p, now, kb.source) });
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
      const reason = /(?:^|\/)commune\.ya?ml$/.test(e.name)
        ? "the commune profile stays this centre's own"
        : 'not a procedure file';
      plan.skipped.push({ file: e.name, reason });
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
