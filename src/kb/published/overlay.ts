// The knowledge the bot answers from: the files in knowledge/, with every procedure published from the
// console laid over its file. A published version that no longer passes the schema is skipped and reported.
import type { Problem } from '../../core/problem';
import type { KnowledgeBase } from '../knowledge-base';
import type { Procedure } from '../schema';
import type { KnowledgeVersion } from '../../store/ports';
import { procedureIdOf } from './keys';
import { checkProcedure } from './procedure-input';

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

export function overlay(
  files: KnowledgeBase,
  published: readonly KnowledgeVersion[],
  revision: number,
): Overlaid {
  const procedures = new Map(files.procedures);
  const origins = new Map<string, Origin>([...procedures.keys()].map((id) => [id, { source: 'files' }]));
  const problems: Problem[] = [];
  let laid = 0;
  for (const v of published) {
    const id = procedureIdOf(v.key);
    if (!id) continue;
    const { procedure, problems: found } = checkProcedure(v.content, id, `${v.key} v${v.version}`);
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
  const source = laid ? `files + ${laid} published (revision ${revision})` : 'files';
  return {
    kb: { commune: files.commune, procedures, elsewhere: files.elsewhere, source },
    origins,
    problems,
  };
}
