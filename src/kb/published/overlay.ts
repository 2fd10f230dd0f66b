// The knowledge the bot answers from: the files in knowledge/, with every procedure, commune profile,
// province file and commune override published from the console laid over its file. A published version
// that no longer passes the schema is skipped and reported; so is an override that no longer fits the
// procedure it changes (the shared procedure may have been published since). Problems across files (two
// communes with one agency code) are reported too, for whoever publishes such a version to correct it.
import type { Problem } from '../../core/problem';
import { communeLinkProblems, overrideFile } from '../commune-links';
import type { KnowledgeBase } from '../knowledge-base';
import { checkOverride, type ProcedureOverride } from '../override';
import type { Commune, Procedure } from '../schema';
import type { KnowledgeVersion } from '../../store/ports';
import { communeIdOf, overrideOf, procedureIdOf, PROVINCE_KEY } from './keys';
import { checkProcedure } from './procedure-input';
import { checkCommune, checkProvince } from './profile-input';

export type Origin =
  | { source: 'files' }
  | {
      source: 'store';
      version: number;
      author: string;
      at: Date;
      comment: string | null;
      fileDiffers: boolean;
    };

interface Overlaid {
  kb: KnowledgeBase;
  origins: Map<string, Origin>;
  problems: Problem[];
}

const same = (a: Procedure | undefined, b: Procedure) =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** Overrides as written (files, then published), each re-checked against the procedure it now meets. */
function overlayOverrides(
  files: KnowledgeBase,
  published: readonly KnowledgeVersion[],
  communes: ReadonlyMap<string, Commune>,
  procedures: ReadonlyMap<string, Procedure>,
  problems: Problem[],
): { overrides: Map<string, Map<string, ProcedureOverride>>; laid: number } {
  const raw = new Map<string, { doc: unknown; file: string }>();
  for (const [c, own] of files.overrides)
    for (const [p, doc] of own) raw.set(`${c}:${p}`, { doc, file: overrideFile(c, p) });
  let laid = 0;
  for (const v of published) {
    const at = overrideOf(v.key);
    if (!at) continue;
    laid++;
    if (v.content === null) raw.delete(`${at.commune}:${at.procedure}`);
    else raw.set(`${at.commune}:${at.procedure}`, { doc: v.content, file: `${v.key} v${v.version}` });
  }
  const overrides = new Map<string, Map<string, ProcedureOverride>>();
  for (const [both, { doc, file }] of raw) {
    const [c = '', p = ''] = both.split(':');
    if (!communes.has(c)) {
      problems.push({ file, field: '(file)', reason: `overrides a procedure for an unknown commune (${c})` });
      continue;
    }
    const { override, problems: found } = checkOverride(doc, procedures.get(p), file);
    problems.push(...found);
    if (!override) continue;
    let own = overrides.get(c);
    if (!own) overrides.set(c, (own = new Map<string, ProcedureOverride>()));
    own.set(p, override);
  }
  return { overrides, laid };
}

export function overlay(
  files: KnowledgeBase,
  published: readonly KnowledgeVersion[],
  revision: number,
): Overlaid {
  const procedures = new Map(files.procedures);
  const origins = new Map<string, Origin>([...procedures.keys()].map((id) => [id, { source: 'files' }]));
  const communes = new Map(files.communes);
  let province = files.province;
  const problems: Problem[] = [];
  let laid = 0;
  for (const v of published) {
    const where = `${v.key} v${v.version}`;
    const communeId = communeIdOf(v.key);
    if (communeId) {
      const { commune, problems: found } = checkCommune(v.content, communeId, where);
      problems.push(...found);
      if (commune) communes.set(communeId, commune);
      laid += commune ? 1 : 0;
      continue;
    }
    if (v.key === PROVINCE_KEY) {
      const { province: p, problems: found } = checkProvince(v.content, where);
      problems.push(...found);
      if (p) province = p;
      laid += p ? 1 : 0;
      continue;
    }
    const id = procedureIdOf(v.key);
    if (!id) continue;
    const { procedure, problems: found } = checkProcedure(v.content, id, where);
    if (!procedure) {
      problems.push(...found);
      continue;
    }
    const fromFile = files.procedures.get(id);
    procedures.set(id, procedure);
    origins.set(id, {
      source: 'store',
      version: v.version,
      author: v.author,
      at: v.at,
      comment: v.comment,
      fileDiffers: fromFile !== undefined && !same(fromFile, procedure),
    });
    laid++;
  }
  const o = overlayOverrides(files, published, communes, procedures, problems);
  laid += o.laid;
  problems.push(...communeLinkProblems(communes, province, new Set(procedures.keys())));
  const defaultCommune = [...communes.keys()].sort()[0] ?? files.defaultCommune;
  const source = laid ? `files + ${laid} published (revision ${revision})` : 'files';
  return {
    kb: {
      commune: communes.get(defaultCommune) ?? files.commune,
      communes,
      province,
      defaultCommune,
      procedures,
      overrides: o.overrides,
      elsewhere: files.elsewhere,
      source,
    },
    origins,
    problems,
  };
}
