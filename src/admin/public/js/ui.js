// @ts-check
// Small shared widgets: toasts, error boxes, busy buttons, confirmations.
import { h, clear, byId } from './dom.js';

export function toast(message, bad) {
  const box = byId('toast');
  const item = h('div', { class: bad ? 'bad' : '', text: message });
  box.append(item);
  setTimeout(() => item.remove(), bad ? 8000 : 4000);
}

/** An error box: the API's reason (English, as the server says it) and the fields it names. */
export function errorBox(err, intro) {
  const problems = (err && err.problems) || [];
  return h(
    'div',
    { class: 'errors', role: 'alert' },
    h('strong', { text: intro || 'Không thực hiện được.' }),
    ' ',
    h('span', { text: err ? err.message : '' }),
    problems.length
      ? h(
          'ul',
          null,
          problems.map((p) => h('li', null, h('code', { text: p.field }), ': ', p.reason)),
        )
      : null,
  );
}

export function showError(slot, err, intro) {
  clear(slot, errorBox(err, intro));
}

/** Runs fn with the button disabled; errors go to the slot (or a toast). */
export async function busy(button, fn, slot) {
  button.disabled = true;
  if (slot) clear(slot);
  try {
    return await fn();
  } catch (err) {
    if (slot) showError(slot, err);
    else toast('Không thực hiện được: ' + err.message, true);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** Changes a commune's data (dossiers, hand-offs, inbox, replies): its editors, or a province admin. */
export const canEdit = (me) =>
  me.province ? me.role === 'admin' : me.role === 'editor' || me.role === 'admin';
/** Changes what every commune shares (procedures, province fees): province editors and admins. */
export const canEditShared = (me) => me.province && (me.role === 'editor' || me.role === 'admin');
export const badge = (text, kind) => h('span', { class: 'badge ' + (kind || ''), text });

/** The name of a commune the signed-in person works for (null: the default commune). */
export function communeName(me, id) {
  const c = me.communes.find((x) => x.id === (id || me.defaultCommune));
  return c ? c.name : id || '';
}

/** Which commune a record belongs to, shown to those who work for more than one. */
export const communeLine = (me, id) =>
  me.communes.length > 1
    ? h('div', { class: 'muted small', text: 'Xã/phường: ' + communeName(me, id) })
    : null;

/**
 * Asks before something is removed or switched off: a modal dialog in the page (Escape or "Thôi"
 * keeps things as they are). Resolves true only when staff press the confirming button.
 */
export function confirmAction(question, confirmLabel) {
  return new Promise((resolve) => {
    const title = h('p', { id: 'confirm-question', text: question });
    const yes = h('button', { type: 'button', class: 'danger', text: confirmLabel });
    const no = h('button', { type: 'button', class: 'secondary', text: 'Thôi' });
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-question' },
      title,
      h('p', { class: 'row' }, yes, no),
    );
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** The rule for new passwords, said before staff type one (the server checks the same). */
export const PASSWORD_RULE =
  'Ít nhất 10 ký tự và khó đoán: không dùng mật khẩu phổ biến, ký tự lặp lại, dãy phím liền nhau hay tên đăng nhập. Nên ghép vài từ không liên quan.';

/**
 * A file field that speaks Vietnamese whatever the browser's language: the real input (still focusable
 * and labelled) is hidden behind a "Chọn tệp…" button, with the chosen file's name beside it.
 */
export function filePicker(input) {
  const none = 'Chưa chọn tệp';
  const name = h('span', { class: 'muted small', text: none });
  input.classList.add('file-hidden');
  input.addEventListener('change', () => {
    name.textContent = input.files && input.files[0] ? input.files[0].name : none;
  });
  return h(
    'p',
    { class: 'row' },
    input,
    h('label', { for: input.id, class: 'file-button', text: 'Chọn tệp…' }),
    name,
  );
}
