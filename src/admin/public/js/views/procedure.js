// @ts-check
// One procedure: edit every field, preview exactly what the bot will answer, publish (live at once),
// history with what changed, restore any version (or the file on disk).
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { ASPECT, CHANGE } from '../labels.js';
import { busy, canEditShared, errorBox, showError, toast } from '../ui.js';
import { replyBubbles } from './bubbles.js';
import { originBadge } from './knowledge.js';
import { describeField, procedureForm } from './procedure-form.js';

/** The list item a change belongs to ("fee.items.1" of "fee.items.1.vnd"), or null outside lists of objects. */
const itemOf = (field) => {
  const m = /^(.*\.\d+)\./.exec(field);
  return m ? m[1] : null;
};

/** One value as staff read it, in quotes so that a sentence's own punctuation stays apart. */
const quoted = (field, text) => '“' + describeField(field).value(text) + '”';

/**
 * What changed, as staff say it: "Lệ phí › Tóm tắt: đổi “…” → “…”", "Giấy tờ nộp: thêm “…”"; an item
 * of a list added or removed whole is one line with each of its fields.
 */
function changeList(changes) {
  if (!changes.length) return h('p', { class: 'muted small', text: 'Không có thay đổi.' });
  const lines = [];
  for (const c of changes) {
    const item = itemOf(c.field);
    const last = lines[lines.length - 1];
    const whole = c.kind !== 'changed' && item !== null;
    if (whole && last && last.item === item && last.kind === c.kind) last.parts.push(c);
    else lines.push({ item: whole ? item : null, kind: c.kind, parts: [c] });
  }
  const value = (c) =>
    c.kind === 'changed'
      ? [
          h('span', { class: 'before', text: quoted(c.field, c.before) }),
          ' → ',
          h('span', { class: 'after', text: quoted(c.field, c.after) }),
        ]
      : h('span', {
          class: c.kind === 'added' ? 'after' : 'before',
          text: quoted(c.field, c.kind === 'added' ? c.after : c.before),
        });
  return h(
    'ul',
    { class: 'diff' },
    lines.map((l) =>
      h(
        'li',
        null,
        h('strong', { text: describeField(l.item || l.parts[0].field).name }),
        ': ' + CHANGE[l.kind] + ' ',
        l.item
          ? l.parts.map((c, i) => [
              i ? '; ' : '',
              describeField(c.field).name.split(' › ').pop() + ': ',
              value(c),
            ])
          : value(l.parts[0]),
      ),
    ),
  );
}

export async function renderProcedure(view, { me, params: [id] }) {
  const editable = canEditShared(me);
  const errors = h('div');
  const previewBox = h('div', { id: 'preview' });
  const historyBox = h('div', { id: 'history' });
  clear(view, h('p', { class: 'muted', text: 'Đang tải…' }));
  let data;
  try {
    data = await api('GET', '/knowledge/procedures/' + id);
  } catch (err) {
    clear(
      view,
      errorBox(err, 'Không mở được thủ tục.'),
      h('a', { href: '#/knowledge', text: '← Danh sách thủ tục' }),
    );
    return undefined;
  }
  let baseVersion = data.version;
  let aspect = 'fee';
  let previewTimer = null;

  const form = procedureForm(data.procedure, {
    readOnly: !editable,
    onChange: () => {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(preview, 600);
    },
  });
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    Object.entries(ASPECT).map(([k, label]) =>
      h('button', {
        type: 'button',
        role: 'tab',
        'data-aspect': k,
        'aria-selected': String(k === aspect),
        text: label,
        onclick: () => {
          aspect = k;
          unitPick.value = '';
          markTab();
          if (lastAnswers) show();
          else preview();
        },
      }),
    ),
  );
  const markTab = () =>
    tabs
      .querySelectorAll('button')
      .forEach((b) => b.setAttribute('aria-selected', String(b.dataset.aspect === aspect)));

  let lastAnswers = null;
  let lastUnits = {};
  // A unit's answer (what the bot says to a question that unit answers), or the aspect's section.
  const unitPick = h('select', { id: 'preview-unit', 'aria-label': 'Xem câu trả lời theo câu hỏi' });
  const show = () =>
    clear(
      previewBox,
      replyBubbles(
        unitPick.value && lastUnits[unitPick.value] ? lastUnits[unitPick.value] : lastAnswers[aspect],
      ),
    );
  unitPick.addEventListener('change', () => {
    if (lastAnswers) show();
  });
  async function preview() {
    try {
      const { answers, units } = await api('POST', '/knowledge/procedures/' + id + '/preview', {
        procedure: form.value(),
      });
      lastAnswers = answers;
      lastUnits = units;
      const picked = unitPick.value;
      clear(
        unitPick,
        h('option', { value: '', text: '— Câu trả lời theo mục (chọn tab) —' }),
        Object.keys(units).map((u) =>
          h('option', { value: u, selected: u === picked, text: 'Câu hỏi: ' + u }),
        ),
      );
      form.showProblems([]);
      show();
    } catch (err) {
      lastAnswers = null;
      if (err.problems) form.showProblems(err.problems);
      clear(previewBox, errorBox(err, 'Chưa xem trước được: nội dung chưa hợp lệ.'));
    }
  }

  const comment = h('input', {
    type: 'text',
    id: 'publish-comment',
    maxlength: 200,
    placeholder: 'Ví dụ: cập nhật lệ phí theo nghị quyết mới',
  });
  const publish = h('button', { type: 'button', id: 'publish', text: 'Xuất bản' });
  publish.addEventListener('click', () =>
    busy(
      publish,
      async () => {
        try {
          const done = await api('PUT', '/knowledge/procedures/' + id, {
            procedure: form.value(),
            comment: comment.value,
            baseVersion,
          });
          baseVersion = done.version;
          comment.value = '';
          form.showProblems([]);
          toast('Đã xuất bản phiên bản ' + done.version + '. Trợ lý trả lời theo nội dung mới ngay.');
          await loadHistory();
        } catch (err) {
          if (err.problems) form.showProblems(err.problems);
          throw err;
        }
      },
      errors,
    ),
  );

  async function restore(version, button) {
    await busy(
      button,
      async () => {
        const done = await api('POST', '/knowledge/procedures/' + id + '/restore', { version });
        toast(
          'Đã khôi phục ' +
            (version === 0 ? 'nội dung trong tệp' : 'phiên bản ' + version) +
            ' (thành phiên bản ' +
            done.version +
            ').',
        );
        clearTimeout(previewTimer);
        await renderProcedure(view, { me, params: [id] });
      },
      errors,
    );
  }

  async function loadHistory() {
    try {
      const { versions, file } = await api('GET', '/knowledge/procedures/' + id + '/history');
      const rows = versions.map((v) =>
        h(
          'li',
          { class: 'card', 'data-version': v.version },
          h(
            'div',
            { class: 'row spread' },
            h('strong', { text: 'Phiên bản ' + v.version }),
            h('span', { class: 'muted small', text: when(v.at) + ' · ' + v.author }),
          ),
          v.comment ? h('p', { class: 'small', text: v.comment }) : null,
          changeList(v.changes),
          editable && v.version !== baseVersion
            ? h('button', {
                type: 'button',
                class: 'secondary restore',
                text: 'Khôi phục phiên bản này',
                onclick: (e) => restore(v.version, e.currentTarget),
              })
            : null,
        ),
      );
      const fileRow = file
        ? h(
            'li',
            { class: 'card', 'data-version': '0' },
            h('strong', { text: 'Nội dung trong tệp knowledge/procedures/' + id + '.yaml' }),
            h('p', {
              class: 'muted small',
              text: file.differsFromCurrent ? 'Khác với nội dung đang dùng.' : 'Giống nội dung đang dùng.',
            }),
            editable && file.differsFromCurrent
              ? h('button', {
                  type: 'button',
                  class: 'secondary restore',
                  text: 'Dùng nội dung trong tệp',
                  onclick: (e) => restore(0, e.currentTarget),
                })
              : null,
          )
        : null;
      clear(
        historyBox,
        h('h2', { text: 'Lịch sử thay đổi' }),
        versions.length || fileRow
          ? h('ol', { class: 'plain' }, rows, fileRow)
          : h('p', { class: 'muted', text: 'Chưa có phiên bản nào được xuất bản.' }),
      );
    } catch (err) {
      showError(historyBox, err);
    }
  }

  clear(
    view,
    h('p', null, h('a', { href: '#/knowledge', text: '← Danh sách thủ tục' })),
    h('h1', { text: data.procedure.name }),
    h(
      'p',
      null,
      'Nguồn: ',
      originBadge(data.origin),
      data.fromFile
        ? h('span', {
            class: 'muted small',
            text: ' Tệp trên đĩa có nội dung khác; xem mục Lịch sử để dùng lại nội dung trong tệp.',
          })
        : null,
    ),
    errors,
    h(
      'div',
      { class: 'split' },
      h(
        'section',
        { class: 'card' },
        h('h2', { text: editable ? 'Sửa nội dung' : 'Nội dung' }),
        form.element,
        editable
          ? h(
              'div',
              { class: 'card' },
              h('label', { for: 'publish-comment', text: 'Ghi chú thay đổi (không bắt buộc)' }),
              comment,
              h('p', { class: 'row' }, publish),
            )
          : null,
      ),
      h(
        'section',
        { class: 'card sticky' },
        h('h2', { text: 'Trợ lý sẽ trả lời' }),
        tabs,
        h('p', null, unitPick),
        previewBox,
      ),
    ),
    historyBox,
  );
  await Promise.all([preview(), loadHistory()]);
  return () => clearTimeout(previewTimer);
}
