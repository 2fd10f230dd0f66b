// @ts-check
// One hand-off: the conversation so far, take it, reply on the citizen's channel, close it (the bot
// resumes). Refreshes every few seconds to show new messages and delivery states.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { DELIVERY } from '../labels.js';
import { busy, canEdit, errorBox, toast } from '../ui.js';
import { handoffSummary } from './handoffs.js';

const POLL_MS = 4000;
const FROM = { citizen: 'Người dân', bot: 'Trợ lý', staff: 'Cán bộ' };

function history(messages) {
  if (!messages.length)
    return h('p', { class: 'muted', text: 'Chưa có tin nhắn nào được lưu cho cuộc trò chuyện này.' });
  return h(
    'div',
    { class: 'bubbles', id: 'conversation' },
    messages.map((m) =>
      h(
        'div',
        { class: 'bubble ' + m.from },
        m.text,
        h('span', {
          class: 'meta',
          text:
            (m.by ? FROM.staff + ' ' + m.by : FROM[m.from]) +
            ' · ' +
            when(m.at) +
            (m.state ? ' · ' + (DELIVERY[m.state] || m.state) : '') +
            (m.error ? ' (' + m.error + ')' : ''),
        }),
      ),
    ),
  );
}

export async function renderHandoff(view, { me, params: [id] }) {
  const head = h('section', { class: 'card' });
  const talk = h('section', { class: 'card' });
  const actions = h('section', { class: 'card' });
  const reply = h('textarea', {
    id: 'reply-text',
    maxlength: 2000,
    rows: 3,
    placeholder: 'Dạ, cán bộ Trung tâm xin trả lời anh/chị…',
  });
  const send = h('button', { type: 'button', id: 'reply-send', text: 'Gửi trả lời' });
  const take = h('button', { type: 'button', id: 'take', text: 'Nhận xử lý' });
  const close = h('button', {
    type: 'button',
    id: 'close',
    class: 'secondary',
    text: 'Kết thúc, trả lại cho trợ lý',
  });
  const result = h('div');
  clear(
    view,
    h('p', null, h('a', { href: '#/handoffs', text: '← Hàng chờ' })),
    h('h1', { text: 'Cuộc trò chuyện' }),
    head,
    talk,
    actions,
  );
  let last = '';

  async function load() {
    let data;
    try {
      data = await api('GET', '/handoffs/' + id);
    } catch (err) {
      clear(head, errorBox(err, 'Không mở được cuộc trò chuyện.'));
      return;
    }
    const key = JSON.stringify(data);
    if (key === last) return;
    last = key;
    const typing = document.activeElement === reply;
    const x = data.handoff;
    clear(head, handoffSummary(x));
    clear(talk, h('h2', { text: 'Lịch sử' }), history(data.messages));
    if (!canEdit(me) || x.state === 'closed')
      return clear(
        actions,
        h('p', {
          class: 'muted',
          text: x.state === 'closed' ? 'Cuộc trò chuyện đã kết thúc; trợ lý đang trả lời.' : 'Chỉ xem.',
        }),
      );
    if (x.state === 'waiting') {
      return clear(
        actions,
        data.channelBlocker
          ? h('p', {
              class: 'error',
              id: 'channel-blocker',
              text: 'Không nhận xử lý được: ' + data.channelBlocker,
            })
          : h('p', null, take),
        close,
        result,
      );
    }
    const mine = x.takenBy === me.username;
    clear(
      actions,
      mine
        ? [
            h('label', { for: 'reply-text', text: 'Trả lời người dân' }),
            reply,
            data.replyBlocker
              ? h('p', { class: 'error', id: 'reply-blocker', text: 'Không gửi được: ' + data.replyBlocker })
              : null,
            h('p', { class: 'row' }, send, close),
          ]
        : [
            h('p', { text: x.takenBy + ' đang xử lý cuộc trò chuyện này.' }),
            me.role === 'admin' ? close : null,
          ],
      result,
    );
    if (typing) reply.focus();
  }

  take.addEventListener('click', () =>
    busy(
      take,
      async () => {
        await api('POST', '/handoffs/' + id + '/take', {});
        toast('Đã nhận. Trợ lý sẽ im lặng trong cuộc trò chuyện này.');
        await load();
      },
      result,
    ),
  );
  send.addEventListener('click', () =>
    busy(
      send,
      async () => {
        await api('POST', '/handoffs/' + id + '/reply', { text: reply.value });
        reply.value = '';
        toast('Đã xếp tin trả lời vào hàng gửi.');
        await load();
      },
      result,
    ),
  );
  close.addEventListener('click', () =>
    busy(
      close,
      async () => {
        await api('POST', '/handoffs/' + id + '/close', {});
        toast('Đã kết thúc; trợ lý trả lời tiếp.');
        await load();
      },
      result,
    ),
  );

  await load();
  const timer = setInterval(load, POLL_MS);
  return () => clearInterval(timer);
}
