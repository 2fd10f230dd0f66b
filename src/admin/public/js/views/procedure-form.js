// @ts-check
// The editor for every field of a procedure, drawn from a description of the knowledge file format.
// It edits a plain copy of the procedure; `value()` returns it for preview and publishing, and
// `showProblems()` puts the server's field + reason next to the right input.
import { h, clear } from '../dom.js';
import { confirmAction } from '../ui.js';
import { dayFromText, dayText } from '../format.js';
import { ASPECT, AUTHORITY, UNIT_KIND, YES_NO } from '../labels.js';

const T = (label, extra) => ({ type: 'textarea', label, ...extra });
/** Validity and provenance of a fee item or a unit (see knowledge/README.md). */
const DATING = [
  { key: 'from', type: 'date', label: 'Áp dụng từ ngày (để trống nếu không giới hạn)', nullable: true },
  { key: 'until', type: 'date', label: 'Áp dụng đến hết ngày (để trống nếu không giới hạn)', nullable: true },
  { key: 'verified', type: 'checkbox', label: 'Đã đối chiếu văn bản chính thức' },
  {
    key: 'source',
    type: 'text',
    label: 'Nguồn để kiểm tra (bắt buộc khi có ngày hoặc chưa đối chiếu)',
    nullable: true,
  },
];
const FIELDS = [
  { key: 'name', type: 'text', label: 'Tên thủ tục' },
  { key: 'authority', type: 'select', label: 'Cơ quan giải quyết', options: AUTHORITY },
  { key: 'redirect', ...T('Hướng dẫn nơi làm (chỉ thủ tục của Công an xã)', { nullable: true }) },
  { key: 'summary', ...T('Tóm tắt cách làm (1–3 câu)') },
  { key: 'eligibility', type: 'list', label: 'Điều kiện, lưu ý', item: T('') },
  {
    group: 'Giấy tờ',
    key: 'documents',
    fields: [
      { key: 'submit', type: 'list', label: 'Giấy tờ nộp', item: T('') },
      { key: 'present', type: 'list', label: 'Giấy tờ xuất trình', item: T('') },
      {
        key: 'conditional',
        type: 'objects',
        label: 'Trường hợp riêng',
        blank: () => ({ when: '', items: [''] }),
        fields: [
          { key: 'when', type: 'text', label: 'Khi nào' },
          { key: 'items', type: 'list', label: 'Giấy tờ thêm', item: T('') },
        ],
      },
    ],
  },
  {
    group: 'Lệ phí',
    key: 'fee',
    fields: [
      { key: 'summary', ...T('Câu trả lời ngắn về lệ phí') },
      {
        key: 'items',
        type: 'objects',
        label: 'Mức lệ phí',
        blank: () => ({ case: '', vnd: 0, note: null }),
        fields: [
          { key: 'case', type: 'text', label: 'Trường hợp' },
          { key: 'vnd', type: 'number', label: 'Số tiền (đồng, 0 là miễn phí)' },
          { key: 'note', type: 'text', label: 'Ghi chú', nullable: true },
          ...DATING,
        ],
      },
      { key: 'free_cases', type: 'list', label: 'Trường hợp được miễn', item: T('') },
    ],
  },
  { key: 'time', ...T('Thời gian giải quyết') },
  {
    group: 'Nơi nộp',
    key: 'where',
    fields: [
      { key: 'in_person', ...T('Nộp trực tiếp') },
      { key: 'online', ...T('Nộp trực tuyến (để trống nếu không có)', { nullable: true }) },
      { key: 'post', ...T('Nộp qua bưu chính (để trống nếu không có)', { nullable: true }) },
    ],
  },
  {
    group: 'Mẫu tờ khai',
    key: 'form',
    fields: [
      { key: 'name', type: 'text', label: 'Tên mẫu (để trống nếu không có)', nullable: true },
      { key: 'note', ...T('Hướng dẫn lấy và điền mẫu', { nullable: true }) },
    ],
  },
  {
    key: 'units',
    type: 'objects',
    label: 'Câu trả lời theo từng câu hỏi',
    blank: () => ({
      id: '',
      kind: 'faq',
      questions: [''],
      keywords: [],
      answer: '',
      yes_no: null,
      aspect: 'general',
    }),
    fields: [
      { key: 'id', type: 'text', label: 'Mã câu trả lời (chữ thường, gạch nối, ví dụ han-khai-sinh)' },
      { key: 'kind', type: 'select', label: 'Loại', options: UNIT_KIND },
      {
        key: 'questions',
        type: 'list',
        label: 'Người dân hỏi thế nào (2–6 cách hỏi)',
        item: { type: 'text' },
      },
      { key: 'keywords', type: 'list', label: 'Từ khóa thêm (không bắt buộc)', item: { type: 'text' } },
      { key: 'answer', ...T('Trả lời (câu đầu nêu đúng điều được hỏi; tối đa 350 ký tự)') },
      { key: 'yes_no', type: 'select', label: 'Câu hỏi có / không', options: YES_NO, nullable: true },
      { key: 'aspect', type: 'select', label: 'Mục gợi ý xem tiếp', options: ASPECT },
      ...DATING,
    ],
  },
  {
    key: 'national_codes',
    type: 'list',
    label: 'Mã thủ tục trên Cổng Dịch vụ công quốc gia',
    item: { type: 'text' },
  },
  { key: 'legal_basis', type: 'list', label: 'Căn cứ pháp lý', item: T('') },
  { key: 'last_reviewed', type: 'date', label: 'Ngày rà soát gần nhất' },
];

/** A field's label without its filling hint ("Tên mẫu (để trống nếu không có)" → "Tên mẫu"). */
const shortLabel = (spec) => (spec.group || spec.label || spec.key).replace(/\s*\(.*\)$/, '');

/**
 * A field of the diff ("fee.items.1.vnd") in staff's words: the Vietnamese name of each step
 * ("Lệ phí › Mức lệ phí 2 › Số tiền"), and a reader of its values (the option's name for a choice).
 */
export function describeField(path) {
  const names = [];
  let specs = FIELDS;
  let spec = null;
  for (const step of path.split('.')) {
    if (/^\d+$/.test(step)) {
      names[names.length - 1] += ' ' + (Number(step) + 1);
      continue;
    }
    spec = specs.find((f) => f.key === step) || null;
    if (!spec) {
      names.push(step);
      specs = [];
      continue;
    }
    names.push(shortLabel(spec));
    specs = spec.fields || [];
  }
  const options = spec && spec.options;
  const checkbox = spec && spec.type === 'checkbox';
  return {
    name: names.join(' › '),
    value: (text) => (checkbox ? (text === 'true' ? 'Có' : 'Không') : (options && options[text]) || text),
  };
}

const MAX = 4000;

export function procedureForm(procedure, { readOnly, onChange }) {
  const state = JSON.parse(JSON.stringify(procedure));
  const root = h('div', { class: 'procedure-form' });
  const changed = () => onChange && onChange();

  function input(spec, obj, key, path) {
    const id = 'f-' + path.replace(/\./g, '-');
    const v = obj[key];
    const common = { id, 'data-path': path, disabled: readOnly, 'aria-label': spec.label || path };
    let el;
    if (spec.type === 'select') {
      const options = Object.entries(spec.options).map(([k, label]) =>
        h('option', { value: k, selected: v === k, text: label }),
      );
      el = h(
        'select',
        common,
        spec.nullable ? [h('option', { value: '', selected: v == null, text: '—' }), ...options] : options,
      );
    } else if (spec.type === 'checkbox') {
      // Unset means true (the knowledge file's default), so only an explicit false shows unchecked.
      el = h('input', { ...common, type: 'checkbox', checked: v !== false });
      el.addEventListener('change', () => {
        obj[key] = el.checked;
        changed();
      });
      return el;
    } else if (spec.type === 'textarea') {
      el = h('textarea', { ...common, maxlength: MAX, rows: 2, value: v == null ? '' : String(v) });
    } else if (spec.type === 'date') {
      // Typed as dd/mm/yyyy whatever the browser's language (a date picker would show mm/dd to some).
      el = h('input', {
        ...common,
        type: 'text',
        inputmode: 'numeric',
        placeholder: 'dd/mm/yyyy',
        maxlength: 10,
        value: v == null ? '' : dayText(String(v)),
      });
    } else {
      el = h('input', {
        ...common,
        type: spec.type === 'number' ? 'number' : 'text',
        maxlength: MAX,
        value: v == null ? '' : String(v),
        min: spec.type === 'number' ? 0 : null,
        step: spec.type === 'number' ? 1 : null,
      });
    }
    el.addEventListener('input', () => {
      const raw = el.value;
      obj[key] =
        spec.type === 'number'
          ? raw === ''
            ? null
            : Number(raw)
          : spec.nullable && !raw.trim()
            ? null
            : spec.type === 'date'
              ? // Not a day yet: sent as typed, so the preview names the field that is wrong.
                dayFromText(raw) || raw
              : raw;
      changed();
    });
    return el;
  }

  function labelled(spec, obj, key, path) {
    const el = input(spec, obj, key, path);
    if (spec.type === 'checkbox')
      return h(
        'div',
        { class: 'field' },
        h('label', { for: el.id }, el, ' ' + spec.label),
        h('div', { class: 'field-error', 'data-error-for': path }),
      );
    return h(
      'div',
      { class: 'field' },
      spec.label ? h('label', { for: el.id, text: spec.label }) : null,
      el,
      h('div', { class: 'field-error', 'data-error-for': path }),
    );
  }

  function listEditor(spec, obj, key, path) {
    const box = h('div', { 'data-path': path });
    const draw = () => {
      const items = obj[key];
      clear(
        box,
        items.map((_, i) =>
          h(
            'div',
            { class: 'list-item' },
            h(
              'div',
              null,
              input({ ...spec.item, label: spec.label + ' ' + (i + 1) }, items, i, path + '.' + i),
              h('div', { class: 'field-error', 'data-error-for': path + '.' + i }),
            ),
            readOnly
              ? null
              : h('button', {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': 'Xóa dòng ' + (i + 1),
                  text: '✕',
                  onclick: async () => {
                    const text = String(items[i] ?? '').trim();
                    // An empty line goes without asking; one with content is gone only when staff agree.
                    if (text && !(await confirmAction('Xóa dòng "' + text + '"?', 'Xóa dòng'))) return;
                    items.splice(i, 1);
                    draw();
                    changed();
                  },
                }),
          ),
        ),
        readOnly
          ? null
          : h('button', {
              type: 'button',
              class: 'secondary',
              text: '+ Thêm dòng',
              onclick: () => {
                items.push('');
                draw();
                changed();
              },
            }),
      );
    };
    draw();
    return h(
      'div',
      { class: 'field' },
      h('label', { text: spec.label }),
      box,
      h('div', { class: 'field-error', 'data-error-for': path }),
    );
  }

  function objectsEditor(spec, obj, key, path) {
    const box = h('div', { 'data-path': path });
    const draw = () => {
      const items = obj[key];
      clear(
        box,
        items.map((item, i) =>
          h(
            'div',
            { class: 'object-item' },
            spec.fields.map((f) => render(f, item, path + '.' + i)),
            readOnly
              ? null
              : h('button', {
                  type: 'button',
                  class: 'secondary',
                  text: 'Xóa mục này',
                  onclick: async () => {
                    const which = shortLabel(spec) + ' ' + (i + 1);
                    if (!(await confirmAction('Xóa cả mục "' + which + '"?', 'Xóa mục'))) return;
                    items.splice(i, 1);
                    draw();
                    changed();
                  },
                }),
          ),
        ),
        readOnly
          ? null
          : h('button', {
              type: 'button',
              class: 'secondary',
              text: '+ Thêm mục',
              onclick: () => {
                items.push(spec.blank());
                draw();
                changed();
              },
            }),
      );
    };
    draw();
    return h(
      'div',
      { class: 'field' },
      h('label', { text: spec.label }),
      box,
      h('div', { class: 'field-error', 'data-error-for': path }),
    );
  }

  function render(spec, obj, prefix) {
    const path = prefix ? prefix + '.' + spec.key : spec.key;
    if (spec.group)
      return h(
        'fieldset',
        null,
        h('legend', { text: spec.group }),
        h('div', { class: 'field-error', 'data-error-for': path }),
        spec.fields.map((f) => render(f, obj[spec.key], path)),
      );
    if (spec.type === 'list') {
      if (!Array.isArray(obj[spec.key])) obj[spec.key] = [];
      return listEditor(spec, obj, spec.key, path);
    }
    if (spec.type === 'objects') {
      if (!Array.isArray(obj[spec.key])) obj[spec.key] = [];
      return objectsEditor(spec, obj, spec.key, path);
    }
    return labelled(spec, obj, spec.key, path);
  }

  clear(
    root,
    FIELDS.map((f) => render(f, state, '')),
  );

  return {
    element: root,
    value: () => state,
    /** Marks each problem at its field, or the closest enclosing one. */
    showProblems(problems) {
      for (const el of root.querySelectorAll('.invalid')) el.classList.remove('invalid');
      for (const el of root.querySelectorAll('.field-error')) el.textContent = '';
      for (const p of problems) {
        let path = p.field;
        for (;;) {
          const slot = root.querySelector('[data-error-for="' + CSS.escape(path) + '"]');
          if (slot) {
            slot.textContent = (slot.textContent ? slot.textContent + '; ' : '') + p.reason;
            const input = root.querySelector('[data-path="' + CSS.escape(path) + '"]');
            if (input) input.classList.add('invalid');
            break;
          }
          if (!path.includes('.')) break;
          path = path.slice(0, path.lastIndexOf('.'));
        }
      }
    },
  };
}
