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
