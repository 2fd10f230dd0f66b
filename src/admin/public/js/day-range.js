// @ts-check
// A range of days typed as dd/mm/yyyy whatever the browser's language (a date picker shows mm/dd to some),
// shared by the dashboards.
import { h } from './dom.js';
import { dayFromText, dayKey, dayText } from './format.js';

const DAY = 86400000;

const dayInput = (id, d) =>
  h('input', {
    id,
    type: 'text',
    inputmode: 'numeric',
    placeholder: 'dd/mm/yyyy',
    maxlength: 10,
    value: dayText(dayKey(d)),
  });

/** The last 30 days as a form; `range()` gives { from, to } as yyyy-mm-dd, or throws in Vietnamese. */
export function dayRangeForm() {
  const to = dayInput('to', new Date());
  const from = dayInput('from', new Date(Date.now() - 29 * DAY));
  const show = h('button', { type: 'submit', text: 'Xem' });
  const form = h(
    'form',
    { class: 'card row' },
    h('div', null, h('label', { for: 'from', text: 'Từ ngày' }), from),
    h('div', null, h('label', { for: 'to', text: 'Đến ngày' }), to),
    h('div', { class: 'row end' }, show),
  );
  const range = () => {
    const r = { from: dayFromText(from.value), to: dayFromText(to.value) };
    if (!r.from || !r.to) throw new Error('Ngày cần viết dạng dd/mm/yyyy, ví dụ 05/12/2026.');
    return r;
  };
  return { form, show, range };
}
