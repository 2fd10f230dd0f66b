// "What the bot missed": the grouped inbox of questions answered with low confidence or out of scope.
// Each group can be taught (a training example; the classifier retrains without a restart), marked out of
// scope (also taught, as out_of_scope), or answered by a new Q&A item in a procedure. Commune staff see
// and take out of the inbox only their communes' questions; what they teach is shared by every commune.
import { z } from 'zod';
import { ASPECTS, INTENTS, type Aspect, type Intent } from '../../core/labels';
import { foldKey } from '../../nlu/fold';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import { ApiError, conflict, invalidFields, notFound } from '../http/api-error';
import type { Ctx, Endpoint } from '../http/endpoint';
import { MAX_TEXT, text } from '../http/limits';
import { parse } from '../http/parse';
import { TRAINING_KEY } from '../../kb/published/keys';
import { checkProcedure } from '../../kb/published/procedure-input';
import { publishProcedure } from '../knowledge/publish';
import { newUnitId } from '../../kb/unit-id';
import { asExamples, sourceOf, type StaffExample } from '../../kb/published/training-doc';
import { ExampleLinter, labelOf } from './lint';
import { latestExamples, publishExamples } from './publish';

const MAX_EXAMPLE = 500;
const normalized = z.string().min(1).max(2_000);
/** The citizen's own (folded) sentence joins the unit's questions when it is question-sized. */
const MAX_ASKED = 200;

const assignBody = z
  .object({
    normalized: normalized.optional(),
    text: text(MAX_EXAMPLE),
    intent: z.enum(INTENTS),
    procedure: z.string().max(100).nullable().default(null),
    aspect: z.enum(ASPECTS).nullable().default(null),
  })
  .strict();
const outOfScopeBody = z.object({ normalized, text: text(MAX_EXAMPLE) }).strict();
const faqBody = z
  .object({ normalized, procedure: z.string().max(100), q: text(MAX_TEXT), a: text(MAX_TEXT) })
  .strict();
const removeBody = z.object({ text: text(MAX_EXAMPLE) }).strict();
const inboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export function trainingEndpoints(d: AdminDeps): Endpoint[] {
  const linter = new ExampleLinter(d.config.intentsDir);
  const store = d.stores.knowledge;
  const procedures = () => d.assistant.knowledge.current().procedures;

  function labelProblem(intent: Intent, procedure: string | null, aspect: Aspect | null): string | null {
    if (intent !== 'procedure')
      return procedure || aspect
        ? `chỉ câu hỏi thủ tục mới có thủ tục và nội dung hỏi (loại câu đang chọn: ${intent})`
        : null;
    // A procedure question without a procedure is a follow-up: "mất bao lâu", about whatever procedure is in context.
    if (!aspect) return 'câu hỏi thủ tục cần chọn nội dung hỏi (giấy tờ, lệ phí, thời gian...)';
    if (procedure && !procedures().has(procedure)) return `không có thủ tục mã "${procedure}"`;
    return null;
  }

  /** The bot now answers the sentence directly with this label. */
  function answers(e: Omit<StaffExample, 'author' | 'at'>): boolean {
    const u = d.assistant.understand(e.text);
    return (
      u.intent === e.intent &&
      u.procedure === e.procedure &&
      u.aspect === e.aspect &&
      u.confidence >= d.assistant.thresholds.answer
    );
  }

  /** Lint, publish, retrain (through the sync), take the group out of the inbox, audit. */
  async function teach(
    ctx: Ctx,
    e: Omit<StaffExample, 'author' | 'at'>,
    group: string | undefined,
    action: string,
  ) {
    const problem = labelProblem(e.intent, e.procedure, e.aspect);
    if (problem)
      throw new ApiError(400, 'invalid', `Nhãn chưa hợp lệ: ${problem}.`, [
        { field: 'procedure', reason: problem },
      ]);
    const example: StaffExample = { ...e, author: ctx.staff.username, at: ctx.now.toISOString() };
    const { version, examples } = await latestExamples(store);
    const [candidate] = asExamples([example]);
    if (!candidate) throw new Error('one example in, none out');
    if (linter.isKnown(candidate, asExamples(examples)) && answers(e)) {
      // Nothing to learn: the group only leaves the inbox.
      const resolved = group ? await d.stores.unanswered.resolve(group, ctx.scope.filter) : false;
      if (resolved)
        await recordChange(d.stores.audit, ctx, {
          action: 'training.known',
          target: TRAINING_KEY,
          before: { group },
          after: e,
        });
      return { version, example: null, known: true, resolved };
    }
    const clash = linter.fileCollision(candidate);
    if (clash) {
      const reason = `câu này đã có trong tệp ${clash.source} với nhãn ${labelOf(clash)}, khác nhãn vừa chọn (${labelOf(candidate)})`;
      throw new ApiError(
        409,
        'lint',
        `Chưa lưu được: ${reason}. Nếu nhãn trong tệp chưa đúng, xin nhờ người quản trị sửa tệp đó.`,
        [{ field: 'text', reason }],
      );
    }
    // The same sentence taught before with another label is corrected, not refused: the newer label wins.
    const edit = (list: StaffExample[]) => [...list.filter((x) => !linter.same(x.text, e.text)), example];
    const v = await publishExamples(store, edit, {
      author: ctx.staff.username,
      at: ctx.now,
      comment: `${action}: ${e.text}`,
    });
    await d.sync.refresh();
    const resolved = group ? await d.stores.unanswered.resolve(group, ctx.scope.filter) : false;
    await recordChange(d.stores.audit, ctx, {
      action,
      target: TRAINING_KEY,
      before: group ? { group } : null,
      after: example,
    });
    return {
      version: v.version,
      example,
      known: false,
      resolved,
      source: sourceOf(example),
      answered: answers(e),
    };
  }

  return [
    {
      method: 'get',
      path: '/inbox',
      role: 'viewer',
      reach: 'commune',
      handle: async ({ req, scope }) => {
        const { limit } = parse(inboxQuery, req.query, 'Yêu cầu xem');
        const names = [...procedures().values()]
          .map((p) => ({ id: p.id, name: p.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
        // Each group comes with the bot's own reading, to pre-fill the form.
        const groups = (await d.stores.unanswered.grouped(limit, scope.filter)).map((g) => ({
          ...g,
          guess: d.assistant.guess(g.example),
        }));
        return { groups, procedures: names, intents: INTENTS, aspects: ASPECTS };
      },
    },
    {
      method: 'post',
      path: '/inbox/assign',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const b = parse(assignBody, ctx.req.body, 'Nhãn');
        return teach(
          ctx,
          { text: b.text, intent: b.intent, procedure: b.procedure, aspect: b.aspect },
          b.normalized,
          'training.assign',
        );
      },
    },
    {
      method: 'post',
      path: '/inbox/out-of-scope',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const b = parse(outOfScopeBody, ctx.req.body, 'Yêu cầu');
        return teach(
          ctx,
          { text: b.text, intent: 'out_of_scope', procedure: null, aspect: null },
          b.normalized,
          'training.out_of_scope',
        );
      },
    },
    {
      method: 'post',
      path: '/inbox/faq',
      role: 'editor',
      reach: 'province',
      handle: async (ctx) => {
        const b = parse(faqBody, ctx.req.body, 'Câu hỏi – đáp');
        const before = procedures().get(b.procedure);
        if (!before) throw notFound(`thủ tục ${b.procedure}`);
        const questions =
          b.normalized.length <= MAX_ASKED && foldKey(b.normalized) !== foldKey(b.q)
            ? [b.q, b.normalized]
            : [b.q];
        const unit = {
          id: newUnitId(
            b.q,
            before.units.map((u) => u.id),
          ),
          kind: 'faq' as const,
          questions,
          answer: b.a,
          aspect: 'general' as const,
        };
        const { procedure, problems } = checkProcedure(
          { ...before, units: [...before.units, unit] },
          before.id,
        );
        if (!procedure) {
          const field = (f: string) =>
            f
              .replace(/^units\.\d+\./, '')
              .replace(/^answer$/, 'a')
              .replace(/^questions(\.\d+)?$/, 'q');
          const list = problems.map((p) => ({ field: field(p.field), reason: p.reason }));
          throw invalidFields('Câu hỏi – đáp', list);
        }
        const published = await publishProcedure(
          d,
          ctx,
          procedure,
          `Q&A: ${b.q}`.slice(0, 200),
          'knowledge.faq',
        );
        const resolved = await d.stores.unanswered.resolve(b.normalized, null);
        return { version: published.version, resolved };
      },
    },
    {
      method: 'get',
      path: '/training/examples',
      role: 'viewer',
      reach: 'own',
      handle: async () => latestExamples(store),
    },
    {
      method: 'post',
      path: '/training/examples/remove',
      role: 'editor',
      reach: 'province',
      handle: async (ctx) => {
        const b = parse(removeBody, ctx.req.body, 'Yêu cầu');
        const { examples } = await latestExamples(store);
        const gone = examples.filter((e) => e.text === b.text);
        if (!gone.length) throw conflict(`Không có câu ví dụ nào do cán bộ dạy là "${b.text}".`);
        const v = await publishExamples(store, (list) => list.filter((e) => e.text !== b.text), {
          author: ctx.staff.username,
          at: ctx.now,
          comment: `remove: ${b.text}`,
        });
        await d.sync.refresh();
        await recordChange(d.stores.audit, ctx, {
          action: 'training.remove',
          target: TRAINING_KEY,
          before: gone,
          after: null,
        });
        return { version: v.version };
      },
    },
  ];
}
