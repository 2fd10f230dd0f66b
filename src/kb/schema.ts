// The schema every knowledge file must satisfy (see knowledge/README.md for the staff-facing version).
import { z } from 'zod';
import { ASPECTS } from '../core/labels';
import { hasVietnameseMarks } from '../nlu/fold';

const text = z.string().trim().min(1, 'must not be empty');
const vietnamese = text.refine(hasVietnameseMarks, 'must be Vietnamese with diacritics');
const nullableText = vietnamese.nullable();
const list = z.array(vietnamese);
/** A real calendar date: Date.parse accepts "2026-02-30" and rolls it over, so compare back. */
function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine(isCalendarDate, 'must be a date YYYY-MM-DD');

/** Longest answer a unit may give: it is the first sentence(s) of a phone message. */
export const MAX_UNIT_ANSWER = 350;
export const UNIT_KINDS = [
  'deadline',
  'validity',
  'amount',
  'yes_no',
  'rule',
  'special_case',
  'faq',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Validity and provenance of one fact (a fee item or a unit): the days it applies (both ends included),
 * whether someone confirmed it, and where to check it. A dated or unconfirmed fact must say where it is from.
 */
const dating = {
  from: isoDate.nullable().optional(),
  until: isoDate.nullable().optional(),
  verified: z.boolean().optional(),
  source: text.nullable().optional(),
};
type Dated = { from?: string | null; until?: string | null; verified?: boolean; source?: string | null };

function checkDating(f: Dated, path: (string | number)[], ctx: z.RefinementCtx): void {
  if ((f.from || f.until || f.verified === false) && !f.source) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'source'],
      message: 'is required for a dated or unverified fact (where to check it)',
    });
  }
  if (f.from && f.until && f.from > f.until)
    ctx.addIssue({ code: 'custom', path: [...path, 'until'], message: 'must not be before from' });
}

export const feeItem = z
  .object({
    case: vietnamese,
    vnd: z.number().int('must be a whole number').min(0),
    note: nullableText.optional(),
    ...dating,
  })
  .strict();
export type FeeItem = z.output<typeof feeItem>;

const unit = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like han-khai-sinh'),
    kind: z.enum(UNIT_KINDS),
    // Citizens type without diacritics too, so a question need not carry them.
    questions: z
      .array(text)
      .min(1, 'needs at least one question')
      .max(8, 'has too many questions (at most 8)'),
    keywords: z.array(text).optional(),
    answer: vietnamese.refine(
      (a) => a.length <= MAX_UNIT_ANSWER,
      `must be at most ${MAX_UNIT_ANSWER} characters`,
    ),
    yes_no: z.enum(['yes', 'no']).nullable().optional(),
    aspect: z.enum(ASPECTS),
    ...dating,
  })
  .strict();
export type Unit = z.output<typeof unit>;

export const procedureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like khai-sinh'),
    name: vietnamese,
    national_codes: z.array(z.string().regex(/^\d\.\d{6}$/, 'must look like 1.001193')),
    authority: z.enum(['commune_committee', 'commune_police']),
    redirect: nullableText,
    summary: vietnamese,
    eligibility: list,
    documents: z
      .object({
        submit: list,
        present: list,
        conditional: z.array(
          z.object({ when: vietnamese, items: list.min(1, 'needs at least one item') }).strict(),
        ),
      })
      .strict(),
    fee: z
      .object({
        summary: vietnamese,
        items: z.array(feeItem),
        free_cases: list,
      })
      .strict(),
    time: vietnamese,
    where: z.object({ in_person: vietnamese, online: nullableText, post: nullableText }).strict(),
    form: z.object({ name: nullableText, note: nullableText }).strict(),
    units: z.array(unit),
    legal_basis: z.array(text).min(1, 'needs at least one legal document'),
    last_reviewed: isoDate,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.authority === 'commune_police' && !p.redirect) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirect'],
        message: 'commune_police procedures need a redirect text',
      });
    }
    if (p.documents.submit.length + p.documents.present.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'lists no documents at all' });
    }
    p.fee.items.forEach((f, i) => checkDating(f, ['fee', 'items', i], ctx));
    const seen = new Set<string>();
    p.units.forEach((u, i) => {
      checkDating(u, ['units', i], ctx);
      if (seen.has(u.id))
        ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `is used twice (${u.id})` });
      seen.add(u.id);
      if (u.kind === 'yes_no' && !u.yes_no)
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'yes_no'],
          message: 'must be yes or no for a yes_no unit',
        });
    });
  });
export type Procedure = z.output<typeof procedureSchema>;

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be a range like 07:30-11:30');
const day = z.array(hhmm);
const phone = z.string().regex(/^[0-9 .+()-]{6,20}$/, 'must be a phone number');
/** The receiving agency's code as printed in its receipt codes: the part before the first "-". */
export const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[GH][0-9]{2}$/;
const accountId = z
  .string()
  .regex(/^[0-9]{5,25}$/, 'must be the numeric id the platform shows')
  .nullable();
const desk = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like quay-1'),
    name: vietnamese,
    /** Procedure ids or field (lĩnh vực) ids of province.yaml that this desk handles. */
    fields: z.array(z.string().min(1)).min(1, 'needs at least one field or procedure'),
    role: vietnamese,
  })
  .strict();
export type Desk = z.output<typeof desk>;

export const communeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like hoa-an'),
    centre_name: vietnamese,
    commune_name: vietnamese,
    address: vietnamese,
    hotline: phone,
    email: z.email('must be an e-mail address').nullable(),
    map_url: z.url('must be a URL').nullable(),
    website: z.url('must be a URL').nullable(),
    office_hours: z
      .object({
        monday: day,
        tuesday: day,
        wednesday: day,
        thursday: day,
        friday: day,
        saturday: day,
        sunday: day,
      })
      .strict(),
    office_hours_text: vietnamese,
    holidays_note: nullableText,
    timezone: z.string().min(1),
    agency_code: z.string().regex(AGENCY_CODE, 'must look like 000.00.15.H12'),
    zalo_oa_id: accountId,
    messenger_page_id: accountId,
    desks: z.array(desk),
    last_reviewed: isoDate,
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.desks.forEach((d, i) => {
      if (seen.has(d.id))
        ctx.addIssue({ code: 'custom', path: ['desks', i, 'id'], message: `is used twice (${d.id})` });
      seen.add(d.id);
    });
  });
export type Commune = z.output<typeof communeSchema>;

/**
 * What the province decides for every commune: fees set by the provincial People's Council (HĐND tỉnh) per
 * procedure id, which replace the procedure file's fee items (and its summary / free cases when given).
 */
const provinceFee = z
  .object({
    decision: text,
    summary: vietnamese.optional(),
    items: z.array(feeItem),
    free_cases: list.optional(),
  })
  .strict()
  .superRefine((f, ctx) => f.items.forEach((item, i) => checkDating(item, ['items', i], ctx)));
export type ProvinceFee = z.output<typeof provinceFee>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like ho-tich');

export const provinceSchema = z
  .object({
    name: vietnamese,
    hotline: phone,
    portal_links: z.array(z.object({ name: vietnamese, url: z.url('must be a URL') }).strict()),
    /** Fields (lĩnh vực): groups of procedures a commune's desks are assigned by. */
    fields: z.record(slug, z.object({ name: vietnamese, procedures: z.array(slug).min(1) }).strict()),
    fees: z.record(slug, provinceFee),
    last_reviewed: isoDate,
  })
  .strict();
export type Province = z.output<typeof provinceSchema>;
