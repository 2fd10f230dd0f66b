// @ts-check
// What the bot missed: grouped questions with counts. Teach it (intent / procedure / aspect), mark it out
// of scope, or answer it with a new Q&A item in a procedure. Lint refusals are shown as they come.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { ASPECT, INTENT } from '../labels.js';
import { busy, canEdit, canEditShared, communeLine, confirmAction, showError, toast } from '../ui.js';

const KNOWN = 'Trợ lý đã biết câu này với nhãn đó; đã đưa ra khỏi danh sách.';
/** The procedure choice for a follow-up ("mất bao lâu"): whatever procedure the citizen is asking about. */
const IN_CONTEXT = ['', 'Theo thủ tục đang hỏi (câu hỏi nối tiếp)'];
const LEARNED = (r) =>
  r.answered
    ? 'Đã thêm câu ví dụ; trợ lý đã học lại và từ giờ trả lời câu này theo nhãn vừa chọn.'
    : 'Đã thêm câu ví dụ; trợ lý đã học lại.';
const select = (id, entries, value) =>
  h(
    'select',
    { id },
    entries.map(([k, label]) => h('option', { value: k, selected: k === value, text: label })),
  );

function actions(group, ctx, i, can) {
  const text = h('input', { type: 'text', id: 'text-' + i, value: group.example, maxlength: 500 });
  // Pre-filled with the bot's own reading of the sentence.
  const guess = group.guess || { intent: 'procedure', procedure: null, aspect: 'general' };
  const intent = select(
    'intent-' + i,
    ctx.intents.map((k) => [k, INTENT[k] || k]),
    guess.intent,
  );
  const procedure = select(
    'procedure-' + i,
    [IN_CONTEXT, ...ctx.procedures.map((p) => [p.id, p.name])],
    guess.procedure || '',
  );
  const aspect = select(
    'aspect-' + i,
    ctx.aspects.map((k) => [k, ASPECT[k] || k]),
    guess.aspect || 'general',
  );
  const result = h('div');
  const labels = h(
    'div',
    { class: 'grid' },
    h('div', null, h('label', { for: intent.id, text: 'Loại câu hỏi' }), intent),
    h('div', null, h('label', { for: procedure.id, text: 'Thủ tục' }), procedure),
    h('div', null, h('label', { for: aspect.id, text: 'Hỏi về' }), aspect),
  );
  const procedureOnly = [procedure.parentNode, aspect.parentNode];
  const showLabels = () =>
    procedureOnly.forEach((el) => {
      el.hidden = intent.value !== 'procedure';
    });
  intent.addEventListener('change', showLabels);
  showLabels();
  const done = (message) => {
    toast(message);
    ctx.reload();
  };
  const assign = h('button', { type: 'button', text: 'Dạy trợ lý câu này' });
  assign.addEventListener('click', () =>
    busy(
      assign,
      async () => {
        const isProcedure = intent.value === 'procedure';
        const r = await api('POST', '/inbox/assign', {
          normalized: group.normalized,
          text: text.value,
          intent: intent.value,
          procedure: isProcedure ? procedure.value || null : null,
          aspect: isProcedure ? aspect.value : null,
        });
        done(r.known ? KNOWN : LEARNED(r));
      },
      result,
    ),
  );
  const outOfScope = h('button', { type: 'button', class: 'secondary', text: 'Ngoài phạm vi' });
  outOfScope.addEventListener('click', () =>
    busy(
      outOfScope,
      async () => {
        const r = await api('POST', '/inbox/out-of-scope', {
          normalized: group.normalized,
          text: text.value,
        });
        done(r.known ? KNOWN : 'Đã đánh dấu ngoài phạm vi; trợ lý đã học lại.');
      },
      result,
    ),
  );
  const q = h('textarea', { id: 'faq-q-' + i, maxlength: 4000, rows: 2, value: group.example });
  const a = h('textarea', { id: 'faq-a-' + i, maxlength: 4000, rows: 3 });
  const faqProcedure = select(
    'faq-procedure-' + i,
    ctx.procedures.map((p) => [p.id, p.name]),
  );
  const addFaq = h('button', { type: 'button', class: 'secondary', text: 'Thêm vào hỏi – đáp của thủ tục' });
  addFaq.addEventListener('click', () =>
    busy(
      addFaq,
      async () => {
        await api('POST', '/inbox/faq', {
          normalized: group.normalized,
          procedure: faqProcedure.value,
          q: q.value,
          a: a.value,
        });
        done('Đã thêm hỏi – đáp và xuất bản thủ tục.');
      },
      result,
    ),
  );
  return h(
    'div',
    null,
    h('label', { for: text.id, text: 'Câu ví dụ (có thể sửa cho gọn)' }),
    text,
    labels,
    can.teach ? h('p', { class: 'row' }, assign, outOfScope) : null,
    // A Q&A item changes a procedure every commune shares.
    can.shared
      ? h(
          'details',
          null,
          h('summary', { text: 'Hoặc viết câu trả lời mới (hỏi – đáp)' }),
          h('label', { for: faqProcedure.id, text: 'Thủ tục' }),
          faqProcedure,
          h('label', { for: q.id, text: 'Câu hỏi' }),
          q,
          h('label', { for: a.id, text: 'Câu trả lời (có dấu)' }),
          a,
          h('p', null, addFaq),
        )
      : null,
    result,
  );
}

function taught(examples, editable, reload) {
  if (!examples.length) return h('p', { class: 'muted', text: 'Chưa có câu ví dụ nào do cán bộ thêm.' });
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Câu', 'Nhãn', 'Người thêm', ''].map((t) => h('th', { text: t })),
        ),
      ),
      h(
        'tbody',
        null,
        examples.map((e) =>
          h(
            'tr',
            null,
            h('td', { text: e.text }),
            h('td', {
              text: [
                INTENT[e.intent],
                e.intent === 'procedure' ? e.procedure || IN_CONTEXT[1] : null,
                e.aspect && ASPECT[e.aspect],
              ]
                .filter(Boolean)
                .join(' · '),
            }),
            h('td', { class: 'small', text: e.author + ' · ' + when(e.at) }),
            h(
              'td',
              null,
              editable
                ? h('button', {
                    type: 'button',
                    class: 'link',
                    text: 'Bỏ',
                    onclick: async (ev) => {
                      const button = ev.currentTarget;
                      const question = 'Bỏ câu ví dụ "' + e.text + '"? Trợ lý sẽ học lại không có câu này.';
                      if (!(await confirmAction(question, 'Bỏ câu ví dụ'))) return;
                      await busy(button, async () => {
                        await api('POST', '/training/examples/remove', { text: e.text });
                        toast('Đã bỏ câu ví dụ; trợ lý đã học lại.');
                        reload();
                      });
                    },
                  })
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

export async function renderInbox(view, { me }) {
  const can = { teach: canEdit(me), shared: canEditShared(me) };
  const list = h('div');
  const examples = h('section', { class: 'card' });
  const errors = h('div');
  clear(
    view,
    h('h1', { text: 'Câu hỏi chưa trả lời được' }),
    h('p', {
      class: 'muted',
      text: 'Các câu trợ lý chưa chắc hoặc cho là ngoài phạm vi, gộp các câu giống nhau. Dạy trợ lý để lần sau trả lời đúng.',
    }),
    errors,
    list,
    examples,
  );
  async function reload() {
    try {
      const [inbox, staff] = await Promise.all([api('GET', '/inbox'), api('GET', '/training/examples')]);
      const ctx = { ...inbox, reload };
      clear(
        list,
        inbox.groups.length
          ? inbox.groups.map((g, i) =>
              h(
                'section',
                { class: 'card inbox-group' },
                h(
                  'div',
                  { class: 'row spread' },
                  h('strong', { class: 'example', text: g.example }),
                  h('span', { class: 'badge', text: g.count + ' lần' }),
                ),
                h('div', { class: 'muted small', text: 'Gần nhất: ' + when(g.lastAt) }),
                communeLine(me, g.commune),
                can.teach || can.shared ? actions(g, ctx, i, can) : null,
              ),
            )
          : h('p', { class: 'card muted', text: 'Không còn câu hỏi nào chờ xử lý.' }),
      );
      clear(
        examples,
        h('h2', { text: 'Câu ví dụ cán bộ đã dạy' }),
        taught(staff.examples, can.shared, reload),
      );
    } catch (err) {
      showError(errors, err);
    }
  }
  await reload();
}
