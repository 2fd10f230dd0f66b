// @ts-check
// Kênh của các xã: each commune's Zalo OA and Facebook Page, whether the OA's tokens are stored, and
// "Kết nối" to connect an OA through Zalo's consent page. Zalo sends the admin back to the console with a
// code in the address; this view finishes the connect with it, then takes it out of the address.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { CHANNEL } from '../labels.js';
import { badge, busy, showError, toast } from '../ui.js';

/** Zalo's answer in the address after the consent (?code=…&state=…&oa_id=…), or null. */
export function consentAnswer() {
  const q = new URLSearchParams(location.search);
  const code = q.get('code');
  const state = q.get('state');
  if (!code || !state) return null;
  const oaId = q.get('oa_id');
  return oaId ? { code, state, oa_id: oaId } : { code, state };
}

export async function renderChannels(view) {
  const errors = h('div');
  const list = h('div');
  clear(
    view,
    h('h1', { text: 'Kênh nhắn tin của các xã' }),
    h('p', {
      class: 'muted',
      text: 'Mỗi xã trả lời người dân qua Zalo OA và Trang Facebook của mình. Bấm "Kết nối" để quản trị viên OA cấp quyền cho hệ thống trên trang của Zalo.',
    }),
    errors,
    list,
  );

  const answer = consentAnswer();
  if (answer) {
    history.replaceState(null, '', location.pathname + '#/channels');
    try {
      const done = await api('POST', '/channels/zalo/callback', answer);
      toast(`Đã kết nối Zalo OA của xã ${done.commune}.`);
    } catch (err) {
      showError(errors, err, 'Chưa kết nối được Zalo OA.');
    }
  }

  async function reload() {
    try {
      const { communes, connectable, secretKeySet } = await api('GET', '/channels');
      const canConnect = (channel) => secretKeySet && connectable.includes(channel);
      const rows = communes.map((c) =>
        h(
          'tr',
          null,
          h('td', { text: c.name }),
          ...c.accounts.map((a) =>
            h(
              'td',
              null,
              h('div', { text: a.account || 'Chưa khai báo' }),
              a.connected
                ? badge(`Đã kết nối (đến ${when(a.expiresAt)})`, 'ok')
                : a.account && canConnect(a.channel)
                  ? badge('Chưa kết nối', 'bad')
                  : null,
              a.account && canConnect(a.channel)
                ? h('button', {
                    type: 'button',
                    text: a.connected ? 'Kết nối lại' : 'Kết nối',
                    onclick: (ev) =>
                      busy(
                        ev.currentTarget,
                        async () => {
                          const { url } = await api('POST', `/channels/${a.channel}/connect`, {
                            commune: c.id,
                          });
                          location.assign(url);
                        },
                        errors,
                      ),
                  })
                : null,
            ),
          ),
        ),
      );
      const channels = communes[0] ? communes[0].accounts.map((a) => CHANNEL[a.channel] || a.channel) : [];
      clear(
        list,
        secretKeySet
          ? null
          : h('p', {
              class: 'card muted',
              text: 'Máy chủ chưa được cấu hình khóa bảo mật (MOTCUA_SECRET_KEY) nên chưa thể kết nối OA từ đây. Xin liên hệ người vận hành hệ thống.',
            }),
        h(
          'div',
          { class: 'table-wrap card' },
          h(
            'table',
            null,
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ['Xã', ...channels].map((t) => h('th', { text: t })),
              ),
            ),
            h('tbody', null, rows),
          ),
        ),
      );
    } catch (err) {
      showError(errors, err);
    }
  }
  await reload();
}
