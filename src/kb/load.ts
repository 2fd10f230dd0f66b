// Reads and validates knowledge/ (communes/<id>.yaml + communes/<id>/overrides/*.yaml + province.yaml +
// procedures/*.yaml + elsewhere/*.yaml). Never throws on bad files: every problem is returned as
// file/field/reason, and a knowledge base only when all files are valid.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { firstLine } from '../core/first-line';
import type { ZodType } from 'zod';
import type { Problem } from '../core/problem';
import type { KnowledgeBase } from './knowledge-base';
import { elsewhereSchema } from './elsewhere-schema';
import { validate } from './validate';
import { communeLinkProblems, PROVINCE_FILE } from './commune-links';
import { checkOverride, type ProcedureOverride } from './override';
import {
  communeSchema,
  procedureSchema,
  provinceSchema,
  type Commune,
  type Procedure,
  type Province,
} from './schema';

const NOT_READ = Symbol('not read');

function readYaml(file: string, rel: string, problems: Problem[]): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push({
      file: rel,
      field: '(file)',
      reason: `cannot be read as YAML: ${firstLine(e)}`,
    });
    return NOT_READ;
  }
}

function parseFile<T>(file: string, rel: string, schema: ZodType<T>, problems: Problem[]): T | undefined {
  const doc = readYaml(file, rel, problems);
  return doc === NOT_READ ? undefined : validate(doc, rel, schema, problems);
}

const yamlFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];

/** Every <id>.yaml of a folder (absent folder: none), each valid and named by its id. */
function loadFolder<T extends { id: string }>(
  dir: string,
  folder: string,
  schema: ZodType<T>,
  problems: Problem[],
): { files: string[]; items: Map<string, T> } {
  const full = path.join(dir, folder);
  const files = yamlFiles(full);
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

/** communes/<commune>/overrides/<procedure>.yaml, each checked against the procedure it changes. */
function loadOverrides(
  dir: string,
  communes: ReadonlyMap<string, Commune>,
  procedures: ReadonlyMap<string, Procedure>,
  procedureFiles: readonly string[],
  problems: Problem[],
): Map<string, Map<string, ProcedureOverride>> {
  const out = new Map<string, Map<string, ProcedureOverride>>();
  const root = path.join(dir, 'communes');
  const folders = fs.existsSync(root)
    ? fs
        .readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  for (const id of folders) {
    const files = yamlFiles(path.join(root, id, 'overrides'));
    if (files.length && !communes.has(id)) {
      problems.push({
        file: `communes/${id}/`,
        field: '(file)',
        reason: `overrides of an unknown commune (no communes/${id}.yaml)`,
      });
      continue;
    }
    const own = new Map<string, ProcedureOverride>();
    for (const f of files) {
      const rel = `communes/${id}/overrides/${f}`;
      const doc = readYaml(path.join(root, id, 'overrides', f), rel, problems);
      if (doc === NOT_READ) continue;
      const pid = f.replace(/\.ya?ml$/, '');
      // A procedure file that does not load has its own problems; its overrides wait for it.
      if (!procedures.has(pid) && procedureFiles.some((pf) => pf.startsWith(`${pid}.`))) continue;
      const checked = checkOverride(doc, procedures.get(pid), rel);
      problems.push(...checked.problems);
      if (checked.override) own.set(pid, checked.override);
    }
    if (own.size) out.set(id, own);
  }
  return out;
}

export function loadKnowledge(
  dir: string,
  requiredIds: readonly string[] = [],
): { kb?: KnowledgeBase; problems: Problem[] } {
  const problems: Problem[] = [];
  const { files: communeFiles, items: communes } = loadFolder(dir, 'communes', communeSchema, problems);
  if (!communeFiles.length)
    problems.push({
      file: 'communes/',
      field: '(file)',
      reason: 'has no commune profile (communes/<id>.yaml)',
    });
  if (fs.existsSync(path.join(dir, 'commune.yaml')))
    problems.push({
      file: 'commune.yaml',
      field: '(file)',
      reason:
        'is no longer read: move it to communes/<id>.yaml (with id, agency_code, zalo_oa_id, messenger_page_id, desks)',
    });
  const provinceFile = path.join(dir, PROVINCE_FILE);
  let province: Province | undefined;
  if (fs.existsSync(provinceFile))
    province = parseFile(provinceFile, PROVINCE_FILE, provinceSchema, problems);
  else problems.push({ file: PROVINCE_FILE, field: '(file)', reason: 'is missing' });

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
  const overrides = loadOverrides(dir, communes, procedures, files, problems);
  // Named by file, so a procedure file that does not load is reported once (by itself), not by every link.
  const procedureIds = new Set(files.map((f) => f.replace(/\.ya?ml$/, '')));
  problems.push(...communeLinkProblems(communes, province, procedureIds));
  const defaultCommune = [...communes.keys()].sort()[0];
  const commune = defaultCommune === undefined ? undefined : communes.get(defaultCommune);
  if (problems.length || !province || !commune || defaultCommune === undefined) return { problems };
  return {
    kb: { commune, communes, province, defaultCommune, procedures, overrides, elsewhere, source: 'files' },
    problems,
  };
}
