// @ts-check
// Replies that did not reach citizens: dead (retries used up during an outage) or failed (window closed,
// citizen blocked the OA, configuration). An editor sends one again once the cause is gone.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { CHANNEL, DELIVERY } from '../labels.js';
import { badge, busy, canEdit, showError, toast } from '../ui.js';

export async function renderOutbox(view, { me }) {
  const editable = canEdit(me);
  const errors = h('div');
  const list = h('div');
  clear(
    view,
    h('h1', { text: 'Tin trả lời chưa gửi được' }),
    h('p', {
      class: 'muted',
      text: 'Các tin trợ lý hoặc cán bộ đã soạn nhưng chưa đến được người dân. Khi kênh nhắn tin hoạt động lại, có thể gửi lại (chỉ khi người dân còn trong thời hạn nhắn tin).',
    }),
    errors,
    list,
  );
  async function reload() {
    try {
      const { counts, items } = await api('GET', '/outbox/dead-letters');
      const rows = items.map((o) =>
        h(
          'tr',
          null,
          h('td', { class: 'small', text: when(o.createdAt) }),
          h('td', { text: CHANNEL[o.channel] || o.channel }),
          h('td', { text: o.text }),
          h(
            'td',
            null,
            badge(DELIVERY[o.state] || o.state, 'bad'),
            h('div', { class: 'muted small', text: `${o.attempts} lần thử · ${o.lastError || ''}` }),
          ),
          h(
            'td',
            null,
            editable
              ? h('button', {
                  type: 'button',
                  text: 'Gửi lại',
                  onclick: (ev) =>
                    busy(
                      ev.currentTarget,
                      async () => {
                        await api('POST', `/outbox/${encodeURIComponent(o.id)}/resend`, {});
                        toast('Đã đưa tin vào hàng đợi gửi lại.');
                        reload();
                      },
                      errors,
                    ),
                })
              : null,
          ),
        ),
      );
      clear(
        list,
        items.length
          ? h(
              'section',
              { class: 'card' },
              h('p', {
                class: 'muted small',
                text: `Gửi lỗi: ${counts.dead} · Không gửi được: ${counts.failed}`,
              }),
              h(
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
                      ['Lúc soạn', 'Kênh', 'Nội dung', 'Tình trạng', ''].map((t) => h('th', { text: t })),
                    ),
                  ),
                  h('tbody', null, rows),
                ),
              ),
            )
          : h('p', { class: 'card muted', text: 'Không có tin nào chờ xử lý. Cảm ơn anh/chị.' }),
      );
    } catch (err) {
      showError(errors, err);
    }
  }
  await reload();
}
