// @ts-check
// Hand-off queue: conversations waiting for a person, those being handled, and recently closed ones.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { CHANNEL, HANDOFF_REASON, HANDOFF_STATE } from '../labels.js';
import { badge, showError } from '../ui.js';

const POLL_MS = 5000;

export function handoffSummary(x) {
  return h(
    'div',
    null,
    h(
      'div',
      { class: 'row spread' },
      h('strong', { text: (x.displayName || 'Người dân') + ' · ' + (CHANNEL[x.channel] || x.channel) }),
      badge(HANDOFF_STATE[x.state], x.state === 'waiting' ? 'warn' : x.state === 'taken' ? 'ok' : ''),
    ),
    h('div', { class: 'small', text: HANDOFF_REASON[x.reason] || x.reason }),
    h('div', {
      class: 'muted small',
      text:
        'Từ ' +
        when(x.openedAt) +
        ' · chờ ' +
        x.waitedMinutes +
        ' phút' +
        (x.takenBy ? ' · cán bộ: ' + x.takenBy : ''),
    }),
  );
}

export async function renderHandoffs(view) {
  let state = 'waiting';
  let page = 1;
  const list = h('div', { id: 'handoff-list' });
  const pager = h('div', { class: 'row' });
  const errors = h('div');
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    Object.entries(HANDOFF_STATE).map(([k, label]) =>
      h('button', {
        type: 'button',
        role: 'tab',
        'data-state': k,
        'aria-selected': String(k === state),
        text: label,
        onclick: () => {
          state = k;
          page = 1;
          mark();
          load();
        },
      }),
    ),
  );
  const mark = () =>
    tabs
      .querySelectorAll('button')
      .forEach((b) => b.setAttribute('aria-selected', String(b.dataset.state === state)));
  async function load() {
    try {
      const { handoffs, total, pageSize } = await api('GET', '/handoffs', undefined, {
        state,
        page: String(page),
      });
      clear(
        list,
        handoffs.length
          ? handoffs.map((x) =>
              h('a', { class: 'card block handoff', href: '#/handoffs/' + x.id }, handoffSummary(x)),
            )
          : h('p', {
              class: 'card muted',
              text:
                state === 'waiting' ? 'Không có ai đang chờ gặp cán bộ.' : 'Không có cuộc trò chuyện nào.',
            }),
      );
      const pages = Math.max(1, Math.ceil(total / pageSize));
      // Messaging channels first (staff can reply there), then web chat; oldest first in each.
      clear(
        pager,
        pages > 1
          ? [
              h('button', {
                type: 'button',
                text: '← Trước',
                disabled: page <= 1,
                onclick: () => {
                  page -= 1;
                  load();
                },
              }),
              h('span', {
                class: 'muted small',
                text: 'Trang ' + page + '/' + pages + ' · ' + total + ' cuộc',
              }),
              h('button', {
                type: 'button',
                text: 'Sau →',
                disabled: page >= pages,
                onclick: () => {
                  page += 1;
                  load();
                },
              }),
            ]
          : [],
      );
    } catch (err) {
      showError(errors, err);
    }
  }
  clear(
    view,
    h('h1', { text: 'Gặp cán bộ' }),
    h('p', {
      class: 'muted',
      text: 'Người dân xin gặp cán bộ, hoặc trợ lý không hiểu 2 lần liên tiếp. Nhận một cuộc trò chuyện để trả lời; trong lúc đó trợ lý im lặng.',
    }),
    tabs,
    errors,
    list,
    pager,
  );
  await load();
  const timer = setInterval(load, POLL_MS);
  return () => clearInterval(timer);
}
