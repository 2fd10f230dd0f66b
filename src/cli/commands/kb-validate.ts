// `kb validate [--taxonomy <taxonomy.json>] [--dir <knowledge>] [--intents <intents>] [--today YYYY-MM-DD] [--unverified]`:
// every problem as "file: field: reason" (non-zero exit on any; every commune profile, the province file
// and every commune override are checked, and the redirect catalogue against the training examples in
// intents/elsewhere/), then the review warnings of the day
// (facts ending within 30 days or ended, files not reviewed for 6 months, writing-rule slips), which never
// fail; unverified facts are counted, and listed with --unverified.
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../core/problem';
import { redirectLinkProblems } from '../../kb/elsewhere-links';
import { loadKnowledge } from '../../kb/load';
import { loadTrainingData } from '../../nlu/training-data';
import { formatNotice, reviewNotices } from '../../kb/review';
import { localDay } from '../../kb/validity';
import { info } from '../io';
import { projectRoot } from '../../config/project-root';
import { cliServices } from '../services';

/** The evaluation taxonomy lives beside the repo; its procedure ids must all exist in the knowledge base. */
const DEFAULT_TAXONOMY = path.join(projectRoot(), '..', 'shared', 'eval', 'taxonomy.json');

export function requiredProcedureIds(taxonomyFile: string): string[] {
  const t = JSON.parse(fs.readFileSync(taxonomyFile, 'utf8')) as { procedures?: Record<string, string> };
  return Object.keys(t.procedures ?? {});
}

export async function kbValidateCommand(args: string[]): Promise<number> {
  const { config } = cliServices();
  const given = (flag: string) => (args.includes(flag) ? { value: args[args.indexOf(flag) + 1] } : null);
  const taxonomy = given('--taxonomy')?.value ?? (fs.existsSync(DEFAULT_TAXONOMY) ? DEFAULT_TAXONOMY : null);
  const dir = given('--dir')?.value ?? config.knowledgeDir;
  const intents = given('--intents')?.value ?? config.intentsDir;
  const { kb, problems } = loadKnowledge(dir, taxonomy ? requiredProcedureIds(taxonomy) : []);
  if (kb)
    problems.push(...redirectLinkProblems(kb.elsewhere.keys(), loadTrainingData(intents).data.examples));
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (problems.length) {
    info(`kb validate: ${problems.length} problem(s) in ${dir}`);
    return 1;
  }
  const overrideCount = [...(kb?.overrides.values() ?? [])].reduce((n, own) => n + own.size, 0);
  info(
    `kb validate: ${kb?.procedures.size ?? 0} procedures, ${kb?.elsewhere.size ?? 0} redirect catalogue entries, ${kb?.communes.size ?? 0} commune profiles with ${overrideCount} override(s) and the province file are valid${taxonomy ? ` (checked against ${path.relative(process.cwd(), taxonomy)})` : ''}`,
  );
  if (!kb) return 0;
  const today = given('--today') ? given('--today')?.value : localDay(new Date(), kb.commune.timezone);
  if (today === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    info('kb validate: --today needs a date YYYY-MM-DD');
    return 2;
  }
  const notices = reviewNotices(kb, today);
  const listed = notices.filter((n) => n.kind !== 'unverified' || args.includes('--unverified'));
  for (const n of listed) process.stdout.write(`${formatNotice(n)}\n`);
  const count = (k: string) => notices.filter((n) => n.kind === k).length;
  info(
    `kb validate: review on ${today}: ${count('expiring')} ending within 30 days, ${count('expired')} ended, ${count('stale')} not reviewed for 6 months, ${count('writing')} writing warnings, ${count('unverified')} unverified facts${args.includes('--unverified') ? '' : ' (list them with --unverified)'}`,
  );
  return 0;
}
