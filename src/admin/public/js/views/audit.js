// @ts-check
// Audit log (admins): who changed what, when, with the before and after.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { AUDIT_ACTION } from '../labels.js';
import { busy, showError } from '../ui.js';

const snapshot = (v) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

export async function renderAudit(view) {
  const actor = h('input', { type: 'text', id: 'audit-actor', maxlength: 64 });
  const target = h('input', { type: 'text', id: 'audit-target', maxlength: 200 });
  const go = h('button', { type: 'submit', text: 'Lọc' });
  const list = h('div');
  const form = h(
    'form',
    { class: 'card grid' },
    h('div', null, h('label', { for: 'audit-actor', text: 'Người thực hiện' }), actor),
    h('div', null, h('label', { for: 'audit-target', text: 'Đối tượng' }), target),
    h('div', { class: 'row end' }, go),
  );
  async function load() {
    const q = {};
    if (actor.value.trim()) q.actor = actor.value.trim();
    if (target.value.trim()) q.target = target.value.trim();
    const { entries } = await api('GET', '/audit', undefined, q);
    clear(
      list,
      h(
        'div',
        { class: 'card table-wrap' },
        h(
          'table',
          { id: 'audit' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Thời gian', 'Người', 'Việc', 'Đối tượng', 'Trước / sau'].map((t) => h('th', { text: t })),
            ),
          ),
          h(
            'tbody',
            null,
            entries.map((e) =>
              h(
                'tr',
                null,
                h('td', { class: 'small', text: when(e.at) }),
                h('td', { text: e.actor }),
                h('td', { 'data-action': e.action, text: AUDIT_ACTION[e.action] || e.action }),
                h('td', { class: 'small', text: e.target }),
                h(
                  'td',
                  null,
                  e.before === null && e.after === null
                    ? '—'
                    : h(
                        'details',
                        null,
                        h('summary', { text: 'Xem' }),
                        h('div', { class: 'small', text: 'Trước:' }),
                        h('pre', { text: snapshot(e.before) }),
                        h('div', { class: 'small', text: 'Sau:' }),
                        h('pre', { text: snapshot(e.after) }),
                      ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(go, load, list);
  });
  clear(view, h('h1', { text: 'Nhật ký thay đổi' }), form, list);
  try {
    await load();
  } catch (err) {
    showError(list, err);
  }
}
