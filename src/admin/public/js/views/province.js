// @ts-check
// Province dashboard (province-wide accounts): the communes side by side over a range of days.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { dayRangeForm } from '../day-range.js';
import { showError } from '../ui.js';

const dash = (v, unit) => (v === null || v === undefined ? '—' : v + (unit || ''));

/** @type {Array<[string, (c: any) => string]>} */
const COLUMNS = [
  ['Xã/phường', (c) => c.name],
  ['Tin nhắn', (c) => String(c.messages)],
  ['Trả lời được', (c) => dash(c.answeredPercent, '%')],
  ['Gặp cán bộ', (c) => String(c.handoffs)],
  ['Còn chờ', (c) => String(c.stillWaiting)],
  ['Chờ trung bình', (c) => dash(c.averageWaitMinutes, ' phút')],
  ['Chờ lâu nhất', (c) => dash(c.longestWaitMinutes, ' phút')],
  ['Tra cứu hồ sơ', (c) => String(c.lookups)],
  ['Hồ sơ quá hạn (hôm nay)', (c) => String(c.overdueDossiers)],
];

export async function renderProvince(view) {
  const { form, show, range } = dayRangeForm();
  const errors = h('div');
  const body = h('div');
  clear(
    view,
    h('h1', { text: 'So sánh các xã, phường' }),
    h('p', {
      class: 'muted',
      text: 'Số liệu của từng xã, phường trong khoảng ngày đã chọn; số hồ sơ quá hạn tính đến hôm nay.',
    }),
    form,
    errors,
    body,
  );

  async function load() {
    show.disabled = true;
    clear(errors);
    try {
      const { communes } = await api('GET', '/dashboard/communes', undefined, range());
      clear(
        body,
        h(
          'div',
          { class: 'card table-wrap' },
          h(
            'table',
            { id: 'communes' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                COLUMNS.map(([t]) => h('th', { text: t })),
              ),
            ),
            h(
              'tbody',
              null,
              communes.map((c) =>
                h(
                  'tr',
                  { 'data-commune': c.commune },
                  COLUMNS.map(([, value]) => h('td', { text: value(c) })),
                ),
              ),
            ),
          ),
        ),
      );
    } catch (err) {
      showError(errors, err, 'Không tải được số liệu.');
    } finally {
      show.disabled = false;
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  await load();
}
