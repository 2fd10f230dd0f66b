// What in the knowledge needs a person's attention on a given day: facts that stop applying within 30
// days or already did, files not reviewed for 6 months, facts nobody has confirmed (redirects included), and writing-rule
// slips (jargon in citizen text, too few or too many units). Warnings, never errors: the bot keeps
// answering; `kb validate` prints them and the staff console lists them.
import { communeFile, PROVINCE_FILE } from './commune-links';
import { jargonIn } from './jargon';
import type { KnowledgeBase } from './knowledge-base';
import type { Procedure } from './schema';
import { daysBetween, isVerified, type Dated } from './validity';

export const EXPIRY_WARNING_DAYS = 30;
export const STALE_MONTHS = 6;
export const UNITS_PER_PROCEDURE = { min: 4, max: 10 } as const;
export const QUESTIONS_PER_UNIT = { min: 2, max: 6 } as const;

export type NoticeKind = 'expiring' | 'expired' | 'stale' | 'unverified' | 'writing';

export interface ReviewNotice {
  kind: NoticeKind;
  file: string;
  /** The procedure it concerns (null for a commune profile, the province file or a redirect). */
  procedure: string | null;
  field: string;
  /** The day that matters: when the fact stops applying, or when the file was last reviewed. */
  date: string | null;
  /** What it is about, as written in the file: the fee case, the unit id, the jargon found. */
  subject: string | null;
  /** Where to check the fact. */
  source: string | null;
  /** English, for operators (the console words each kind in Vietnamese). */
  detail: string;
}

/** The day `months` months after `day` (clamped to the month's end). */
function addMonths(day: string, months: number): string {
  // `day` is a checked YYYY-MM-DD day, so the three parts are there.
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

function datedNotices(
  f: Dated,
  file: string,
  procedure: string,
  field: string,
  subject: string,
  day: string,
): ReviewNotice[] {
  const out: ReviewNotice[] = [];
  const what = `"${subject}"`;
  const source = f.source ?? null;
  const at = (kind: NoticeKind, date: string | null, detail: string) =>
    out.push({ kind, file, procedure, field, date, subject, source, detail });
  if (f.until && f.until < day)
    at(
      'expired',
      f.until,
      `${what} stopped applying after ${f.until}; the bot no longer uses it (remove it or give it a new period)`,
    );
  else if (f.until && daysBetween(day, f.until) <= EXPIRY_WARNING_DAYS)
    at(
      'expiring',
      f.until,
      `${what} applies until ${f.until} (${daysBetween(day, f.until)} days): check whether it is extended`,
    );
  if (!isVerified(f))
    at('unverified', f.until ?? null, `${what} is not verified; check ${f.source ?? 'its source'}`);
  return out;
}

/** Citizen-facing texts of a procedure, with their field paths. */
function citizenTexts(p: Procedure): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['summary', p.summary],
    ['time', p.time],
    ['fee.summary', p.fee.summary],
    ['where.in_person', p.where.in_person],
  ];
  if (p.redirect) out.push(['redirect', p.redirect]);
  if (p.where.online) out.push(['where.online', p.where.online]);
  if (p.where.post) out.push(['where.post', p.where.post]);
  if (p.form.name) out.push(['form.name', p.form.name]);
  if (p.form.note) out.push(['form.note', p.form.note]);
  p.eligibility.forEach((t, i) => out.push([`eligibility.${i}`, t]));
  p.documents.submit.forEach((t, i) => out.push([`documents.submit.${i}`, t]));
  p.documents.present.forEach((t, i) => out.push([`documents.present.${i}`, t]));
  p.documents.conditional.forEach((c, i) =>
    out.push(
      [`documents.conditional.${i}.when`, c.when],
      ...c.items.map((t, k): [string, string] => [`documents.conditional.${i}.items.${k}`, t]),
    ),
  );
  p.fee.items.forEach((f, i) =>
    out.push(
      [`fee.items.${i}.case`, f.case],
      ...(f.note ? [[`fee.items.${i}.note`, f.note] as [string, string]] : []),
    ),
  );
  p.fee.free_cases.forEach((t, i) => out.push([`fee.free_cases.${i}`, t]));
  p.units.forEach((u, i) => out.push([`units.${i}.answer`, u.answer]));
  return out;
}

function procedureNotices(p: Procedure, day: string): ReviewNotice[] {
  const file = `procedures/${p.id}.yaml`;
  const out: ReviewNotice[] = [];
  const reviewBy = addMonths(p.last_reviewed, STALE_MONTHS);
  if (reviewBy < day)
    out.push({
      kind: 'stale',
      file,
      procedure: p.id,
      field: 'last_reviewed',
      date: p.last_reviewed,
      subject: null,
      source: null,
      detail: `last reviewed on ${p.last_reviewed}, more than ${STALE_MONTHS} months ago`,
    });
  p.fee.items.forEach((f, i) => out.push(...datedNotices(f, file, p.id, `fee.items.${i}`, f.case, day)));
  p.units.forEach((u, i) => out.push(...datedNotices(u, file, p.id, `units.${i}`, u.id, day)));
  const writing = (field: string, subject: string, detail: string) =>
    out.push({ kind: 'writing', file, procedure: p.id, field, date: null, subject, source: null, detail });
  for (const [field, text] of citizenTexts(p)) {
    for (const j of jargonIn(text))
      writing(
        field,
        j.text,
        `citizen text has ${j.kind.replace('_', ' ')} "${j.text}" (move law numbers to source or legal_basis)`,
      );
  }
  if (p.units.length < UNITS_PER_PROCEDURE.min || p.units.length > UNITS_PER_PROCEDURE.max) {
    writing(
      'units',
      `${p.units.length}`,
      `has ${p.units.length} units (write ${UNITS_PER_PROCEDURE.min}–${UNITS_PER_PROCEDURE.max})`,
    );
  }
  p.units.forEach((u, i) => {
    if (u.questions.length < QUESTIONS_PER_UNIT.min || u.questions.length > QUESTIONS_PER_UNIT.max) {
      writing(
        `units.${i}.questions`,
        u.id,
        `unit ${u.id} has ${u.questions.length} question(s) (write ${QUESTIONS_PER_UNIT.min}–${QUESTIONS_PER_UNIT.max} ways of asking)`,
      );
    }
  });
  return out;
}

function staleProfile(file: string, lastReviewed: string, day: string): ReviewNotice[] {
  if (addMonths(lastReviewed, STALE_MONTHS) >= day) return [];
  return [
    {
      kind: 'stale',
      file,
      procedure: null,
      field: 'last_reviewed',
      date: lastReviewed,
      subject: null,
      source: null,
      detail: `last reviewed on ${lastReviewed}, more than ${STALE_MONTHS} months ago`,
    },
  ];
}

export function reviewNotices(kb: KnowledgeBase, day: string): ReviewNotice[] {
  const out: ReviewNotice[] = [];
  for (const c of kb.communes.values()) out.push(...staleProfile(communeFile(c.id), c.last_reviewed, day));
  out.push(...staleProfile(PROVINCE_FILE, kb.province.last_reviewed, day));
  for (const [pid, fee] of Object.entries(kb.province.fees))
    fee.items.forEach((f, i) =>
      out.push(...datedNotices(f, PROVINCE_FILE, pid, `fees.${pid}.items.${i}`, f.case, day)),
    );
  for (const p of kb.procedures.values()) out.push(...procedureNotices(p, day));
  for (const e of kb.elsewhere.values()) {
    if (e.verified) continue;
    const detail = `redirect "${e.id}" (who handles it, where, how) is not verified; check ${e.source}`;
    out.push({
      kind: 'unverified',
      file: `elsewhere/${e.id}.yaml`,
      procedure: null,
      field: 'verified',
      date: null,
      subject: e.id,
      source: e.source,
      detail,
    });
  }
  return out;
}

export function formatNotice(n: ReviewNotice): string {
  return `warning: ${n.file}: ${n.field}: ${n.detail}`;
}
