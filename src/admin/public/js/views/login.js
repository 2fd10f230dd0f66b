// @ts-check
// Sign in.
import { api } from '../api.js';
import { h, clear } from '../dom.js';

export function renderLogin(view, onSignedIn, notice) {
  const user = h('input', {
    id: 'username',
    type: 'text',
    autocomplete: 'username',
    required: true,
    maxlength: 64,
    autocapitalize: 'none',
  });
  const pass = h('input', {
    id: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 200,
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const button = h('button', { type: 'submit', text: 'Đăng nhập' });
  const form = h(
    'form',
    { class: 'card login' },
    h('h1', { text: 'Đăng nhập' }),
    h('p', { class: 'muted', text: 'Bảng điều khiển dành cho cán bộ Bộ phận Một cửa.' }),
    notice ? h('p', { text: notice }) : null,
    h('label', { for: 'username', text: 'Tên đăng nhập' }),
    user,
    h('label', { for: 'password', text: 'Mật khẩu' }),
    pass,
    h('p', null, button),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    error.textContent = '';
    try {
      const session = await api('POST', '/login', { username: user.value, password: pass.value });
      onSignedIn(session);
    } catch (err) {
      error.textContent =
        err.status === 429
          ? 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau. (' + err.message + ')'
          : err.status === 401
            ? 'Sai tên đăng nhập hoặc mật khẩu.'
            : 'Không đăng nhập được: ' + err.message;
      pass.value = '';
    } finally {
      button.disabled = false;
    }
  });
  clear(view, form);
  user.focus();
}
