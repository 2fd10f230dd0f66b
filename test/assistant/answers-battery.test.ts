// The issue-9 battery: every procedure asked about every aspect (and the views behind its options) and
// about each of its answerable units, with and without diacritics. Each answer must carry the unit's fact,
// fit a phone (first message <= 700 characters for at least 90 % of answers, none over 1,500, at most 3
// messages) and keep the 3-biết style. The figures are printed for the lead's note.
import { randomUUID } from 'node:crypto';
import type { Assistant, Turn } from '../../src/assistant';
import { ASPECTS } from '../../src/core/labels';
import type { Procedure, Unit } from '../../src/kb/schema';
import { appliesOn, localDay } from '../../src/kb/validity';
import { ASPECT_OPTIONS, OPTION } from '../../src/dialogue/options';
import { plain } from '../../src/dialogue/plain';
import { styleViolations } from '../../src/dialogue/style-check';
import { FIRST_LIMIT, TEXT_LIMIT } from '../../src/dialogue/split';
import { fold, foldKey } from '../../src/nlu/fold';
import type { Stores } from '../../src/store/ports';
import { testAssistant } from '../support/assistant';

const NOW = new Date('2026-12-02T03:00:00Z'); // Wednesday 10:00 in Vietnam
const CANNOT_HELP = new Set(['not_understood', 'out_of_scope', 'bad_code', 'which', 'did_you_mean']);
/** Closings thank in their own words even after an answer did. */
const MAY_THANK = new Set(['thanks', 'goodbye', 'complaint', 'handoff', 'notify']);
let assistant: Assistant;
let stores: Stores;
let procedures: Procedure[];
let day: string;

beforeAll(async () => {
  ({ assistant, stores } = await testAssistant({ clock: () => NOW }));
  procedures = [...assistant.knowledge.current().procedures.values()];
  day = localDay(NOW, assistant.knowledge.current().commune.timezone);
});
afterAll(() => stores.close());

interface Asked {
  label: string;
  turn: Turn;
  /** Replies checked for the style: a tap answered in context, so no greeting and no thanks expected. */
  greet: boolean;
  thanked: boolean;
}

const text = (t: Turn) => t.replies.map((r) => r.text).join('\n');
const say = (userId: string, message: string) =>
  assistant.turn({
    channel: 'web',
    userId,
    messageId: randomUUID(),
    kind: 'text',
    text: message,
    sentAt: NOW,
  });

/** A conversation already about `p` (its name tapped in the menu), then `message`. */
async function inContext(p: Procedure, message: string): Promise<{ opening: Turn; turn: Turn }> {
  const userId = randomUUID();
  const opening = await say(userId, p.name);
  return { opening, turn: await say(userId, message) };
}

/** The fact a unit states: its first sentence, as the bot words it (no "Dạ,", no law numbers), folded. */
function factOf(u: Unit): string {
  const first = plain(u.answer)
    .replace(/\{ac\}/giu, 'anh/chị')
    .replace(/^Dạ\s*,?\s*/u, '')
    .split(/(?<=[.!?])\s/u)[0];
  return foldKey((first ?? '').replace(/^(có|không)\s*[,.:;]\s*/iu, ''));
}

const asked: Asked[] = [];
const factMisses: string[] = [];
let unitQuestions = 0;

describe('every procedure, every aspect, every view', () => {
  it('answers each aspect and view from the procedure in context', async () => {
    for (const p of procedures) {
      for (const a of ASPECTS) {
        const { opening, turn } = await inContext(p, ASPECT_OPTIONS[a]);
        if (a === ASPECTS[0])
          asked.push({ label: `${p.id} (opening)`, turn: opening, greet: true, thanked: false });
        expect({ p: p.id, a, plan: turn.decision?.plan }).toMatchObject({
          plan: { kind: 'procedure', procedure: p.id, aspect: a },
        });
        asked.push({ label: `${p.id}/${a}`, turn, greet: false, thanked: true });
      }
      for (const view of [OPTION.allDocuments, OPTION.allFees, OPTION.specialCases, OPTION.legalBasis]) {
        const { turn } = await inContext(p, view);
        expect(turn.decision?.plan).toMatchObject({
          kind: 'procedure',
          procedure: p.id,
          view: expect.any(String),
        });
        asked.push({ label: `${p.id}/${view}`, turn, greet: false, thanked: true });
      }
      // The documents answer lists what everyone needs and keeps the special cases apart.
      const docs = text((await inContext(p, ASPECT_OPTIONS.documents)).turn);
      const needed = p.documents.submit[0] ?? p.documents.present[0];
      expect(needed).toBeDefined();
      if (needed) expect(docs).toContain(plain(needed));
      for (const [item] of p.documents.conditional.map((c) => c.items))
        if (item) expect(docs.split('\n').some((l) => /^\d+\./u.test(l) && l.includes(item))).toBe(false);
    }
  }, 300_000);
});

describe('every answerable unit, asked each way it is written, with and without diacritics', () => {
  it("states the unit's fact", async () => {
    for (const p of procedures) {
      for (const u of p.units.filter((x) => appliesOn(x, day))) {
        for (const q of [...new Set(u.questions.flatMap((x) => [x, fold(x)]))]) {
          unitQuestions++;
          const { turn } = await inContext(p, q);
          asked.push({ label: `${p.id}/${u.id}: ${q}`, turn, greet: false, thanked: true });
          if (!foldKey(text(turn)).includes(factOf(u)))
            factMisses.push(`${p.id}/${u.id} <- ${q}  [${JSON.stringify(turn.decision?.plan)}]`);
          if (u.yes_no && turn.decision?.plan.kind === 'procedure' && turn.decision.plan.unit === u.id) {
            expect(turn.replies[0]?.text).toMatch(
              u.yes_no === 'yes' ? /^Dạ có(?!\p{L})/u : /^Dạ không(?!\p{L})/u,
            );
          }
        }
      }
    }
    const found = 1 - factMisses.length / unitQuestions;
    process.stdout.write(
      `battery: unit facts found in ${unitQuestions - factMisses.length}/${unitQuestions} answers (${(found * 100).toFixed(1)} %)\n${factMisses.join('\n')}\n`,
    );
    expect(found).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});

describe('the same unit questions in a fresh conversation (the classifier must find the procedure)', () => {
  it("reports how often the unit's fact comes back without context", async () => {
    let n = 0;
    let found = 0;
    for (const p of procedures) {
      for (const u of p.units.filter((x) => appliesOn(x, day))) {
        for (const q of [...new Set(u.questions.flatMap((x) => [x, fold(x)]))]) {
          n++;
          const turn = await say(randomUUID(), q);
          asked.push({ label: `fresh ${p.id}/${u.id}: ${q}`, turn, greet: true, thanked: false });
          if (foldKey(text(turn)).includes(factOf(u))) found++;
        }
      }
    }
    process.stdout.write(
      `battery: without context, unit facts found in ${found}/${n} answers (${((found / n) * 100).toFixed(1)} %)\n`,
    );
    // Most unit questions name their procedure; the classifier's misses (issue 8) are what is left.
    expect(found / n).toBeGreaterThanOrEqual(0.6);
  }, 600_000);
});

describe('phone-first and 3-biết over all of the above', () => {
  it('first message <= 700 characters for >= 90 %, none over 1,500, at most 3 messages, style kept', () => {
    expect(asked.length).toBeGreaterThan(300);
    const firsts = asked.map((a) => a.turn.replies[0]?.text.length ?? 0);
    const share = firsts.filter((n) => n <= FIRST_LIMIT).length / firsts.length;
    const longest = Math.max(...asked.flatMap((a) => a.turn.replies.map((r) => r.text.length)));
    const most = Math.max(...asked.map((a) => a.turn.replies.length));
    process.stdout.write(
      `battery: ${asked.length} answers, first message <= ${FIRST_LIMIT} in ${(share * 100).toFixed(1)} %, longest message ${longest}, at most ${most} messages\n`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(longest).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(most).toBeLessThanOrEqual(3);
    const centreName = assistant.knowledge.current().commune.centre_name;
    const problems = asked.flatMap((a) => {
      const plan = a.turn.decision?.plan;
      const cannotHelp = CANNOT_HELP.has(plan?.kind ?? '');
      return styleViolations(a.turn.replies, {
        greet: a.greet,
        centreName,
        cannotHelp,
        closing:
          (a.greet && plan?.kind === 'procedure') ||
          ['thanks', 'goodbye', 'complaint', 'handoff'].includes(plan?.kind ?? ''),
        thankedBefore: a.thanked && !MAY_THANK.has(plan?.kind ?? ''),
        legalBasis: plan?.kind === 'procedure' && plan.view === 'legal_basis',
      }).map((v) => `${a.label}: ${v}`);
    });
    expect(problems).toEqual([]);
  });
});
