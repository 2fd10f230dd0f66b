// @ts-check
// Staff accounts (province admins): create, change role and communes (none = province-wide), disable,
// reset a password.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { when } from '../format.js';
import { ROLE } from '../labels.js';
import { badge, busy, confirmAction, PASSWORD_RULE, showError, toast } from '../ui.js';

const roleSelect = (id, value, label) =>
  h(
    'select',
    { id, 'aria-label': label },
    Object.entries(ROLE).map(([k, label]) => h('option', { value: k, selected: k === value, text: label })),
  );

/** The communes an account works for; none selected = the whole province. */
const communesSelect = (id, me, chosen, label) =>
  h(
    'select',
    {
      id,
      multiple: true,
      size: Math.min(6, me.communes.length),
      'aria-label': label,
      'aria-describedby': 'communes-help',
    },
    me.communes.map((c) => h('option', { value: c.id, selected: chosen.includes(c.id), text: c.name })),
  );
const chosen = (select) => [...select.selectedOptions].map((o) => o.value);
const scopeText = (me, ids) =>
  ids.length
    ? ids.map((id) => (me.communes.find((c) => c.id === id) || { name: id }).name).join(', ')
    : 'Toàn tỉnh';

export async function renderStaff(view, { me }) {
  const list = h('div');
  const errors = h('div');
  const username = h('input', {
    type: 'text',
    id: 'new-username',
    maxlength: 64,
    autocomplete: 'off',
    autocapitalize: 'none',
  });
  const password = h('input', {
    type: 'password',
    id: 'new-password',
    maxlength: 200,
    autocomplete: 'new-password',
    'aria-describedby': 'password-rule',
  });
  const role = roleSelect('new-role', 'editor');
  const communes = communesSelect('new-communes', me, [], 'Xã/phường');
  const create = h('button', { type: 'submit', text: 'Tạo tài khoản' });
  const createResult = h('div');
  const form = h(
    'form',
    { class: 'card' },
    h('h2', { text: 'Tạo tài khoản' }),
    h(
      'div',
      { class: 'grid' },
      h('div', null, h('label', { for: 'new-username', text: 'Tên đăng nhập' }), username),
      h(
        'div',
        null,
        h('label', { for: 'new-password', text: 'Mật khẩu' }),
        password,
        h('p', { id: 'password-rule', class: 'muted small', text: PASSWORD_RULE }),
      ),
      h('div', null, h('label', { for: 'new-role', text: 'Vai trò' }), role),
      h('div', null, h('label', { for: 'new-communes', text: 'Xã/phường' }), communes),
    ),
    h('p', {
      id: 'communes-help',
      class: 'muted small',
      text: 'Cán bộ xã chỉ xem và xử lý việc của xã mình. Không chọn xã nào: tài khoản cấp tỉnh (biên tập viên tỉnh sửa thủ tục dùng chung và lệ phí của tỉnh; quản trị tỉnh quản lý mọi việc).',
    }),
    h('p', null, create),
    createResult,
  );

  const patch = (name, body, message) => async () => {
    await api('PATCH', '/staff/' + encodeURIComponent(name), body);
    toast(message);
    await load();
  };

  async function load() {
    const { accounts } = await api('GET', '/staff');
    clear(
      list,
      h(
        'div',
        { class: 'card table-wrap' },
        h(
          'table',
          { id: 'accounts', class: 'stack' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Tài khoản', 'Vai trò', 'Xã/phường', 'Trạng thái', ''].map((t) => h('th', { text: t })),
            ),
          ),
          h(
            'tbody',
            null,
            accounts.map((a) => {
              const sel = roleSelect('role-' + a.username, a.role, 'Vai trò của ' + a.username);
              const where = communesSelect(
                'communes-' + a.username,
                me,
                a.communes,
                'Xã/phường của ' + a.username,
              );
              const pw = h('input', {
                type: 'password',
                maxlength: 200,
                placeholder: 'Mật khẩu mới',
                autocomplete: 'new-password',
                'aria-label': 'Mật khẩu mới cho ' + a.username,
                'aria-describedby': 'password-rule',
              });
              return h(
                'tr',
                null,
                h(
                  'td',
                  null,
                  h('strong', { text: a.username }),
                  h('div', { class: 'muted small', text: 'Tạo ' + when(a.createdAt) }),
                ),
                h(
                  'td',
                  null,
                  sel,
                  h('button', {
                    type: 'button',
                    class: 'link',
                    text: 'Đổi vai trò',
                    onclick: (e) =>
                      busy(
                        e.currentTarget,
                        patch(a.username, { role: sel.value }, 'Đã đổi vai trò.'),
                        errors,
                      ),
                  }),
                ),
                h(
                  'td',
                  null,
                  h('div', { class: 'small', text: scopeText(me, a.communes) }),
                  where,
                  h('button', {
                    type: 'button',
                    class: 'link',
                    text: 'Đổi xã/phường',
                    onclick: (e) =>
                      busy(
                        e.currentTarget,
                        patch(a.username, { communes: chosen(where) }, 'Đã đổi xã/phường.'),
                        errors,
                      ),
                  }),
                ),
                h(
                  'td',
                  null,
                  a.disabled ? badge('Đã khóa', 'bad') : badge('Đang dùng', 'ok'),
                  a.username === me.username ? h('div', { class: 'muted small', text: '(bạn)' }) : null,
                ),
                h(
                  'td',
                  null,
                  h('button', {
                    type: 'button',
                    class: 'secondary',
                    text: a.disabled ? 'Mở khóa' : 'Khóa',
                    onclick: async (e) => {
                      const button = e.currentTarget;
                      const sure =
                        a.disabled ||
                        (await confirmAction(
                          'Khóa tài khoản ' +
                            a.username +
                            '? Người này bị đăng xuất ngay và không đăng nhập được nữa.',
                          'Khóa tài khoản',
                        ));
                      if (!sure) return;
                      await busy(
                        button,
                        patch(
                          a.username,
                          { disabled: !a.disabled },
                          a.disabled ? 'Đã mở khóa.' : 'Đã khóa và đăng xuất tài khoản.',
                        ),
                        errors,
                      );
                    },
                  }),
                  h(
                    'div',
                    { class: 'row' },
                    pw,
                    h('button', {
                      type: 'button',
                      class: 'link',
                      text: 'Đặt lại mật khẩu',
                      onclick: (e) =>
                        busy(
                          e.currentTarget,
                          patch(a.username, { password: pw.value }, 'Đã đặt lại mật khẩu.'),
                          errors,
                        ),
                    }),
                  ),
                ),
              );
            }),
          ),
        ),
      ),
    );
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(
      create,
      async () => {
        await api('POST', '/staff', {
          username: username.value,
          role: role.value,
          communes: chosen(communes),
          password: password.value,
        });
        toast('Đã tạo tài khoản ' + username.value + '.');
        username.value = '';
        password.value = '';
        await load();
      },
      createResult,
    );
  });
  clear(view, h('h1', { text: 'Tài khoản cán bộ' }), form, errors, list);
  try {
    await load();
  } catch (err) {
    showError(list, err);
  }
}
