// @ts-check
// Staff console: signs in, draws the menu for the role, and shows one view per address (#/...).
import { api, setCsrf, whenSignedOut } from './api.js';
import { h, clear, byId } from './dom.js';
import { ROLE } from './labels.js';
import { renderLogin } from './views/login.js';
import { renderDashboard } from './views/dashboard.js';
import { renderKnowledge } from './views/knowledge.js';
import { renderProcedure } from './views/procedure.js';
import { renderInbox } from './views/inbox.js';
import { renderDossiers } from './views/dossiers.js';
import { renderHandoffs } from './views/handoffs.js';
import { renderHandoff } from './views/handoff.js';
import { renderOutbox } from './views/outbox.js';
import { renderAudit } from './views/audit.js';
import { renderStaff } from './views/staff.js';
import { consentAnswer, renderChannels } from './views/channels.js';
import { renderProvince } from './views/province.js';

// admin: province admins only; province: every province-wide account.
const MENU = [
  { href: '#/', label: 'Tổng quan' },
  { href: '#/province', label: 'So sánh các xã', province: true },
  { href: '#/knowledge', label: 'Thủ tục' },
  { href: '#/inbox', label: 'Câu hỏi chưa trả lời được' },
  { href: '#/handoffs', label: 'Gặp cán bộ' },
  { href: '#/outbox', label: 'Tin chưa gửi được' },
  { href: '#/dossiers', label: 'Hồ sơ' },
  { href: '#/audit', label: 'Nhật ký', admin: true },
  { href: '#/staff', label: 'Tài khoản', admin: true },
  { href: '#/channels', label: 'Kênh của các xã', admin: true },
];

/** @type {[RegExp, (view: HTMLElement, ctx: { me: any; params: any }) => Promise<(() => void) | void>][]} */
const ROUTES = [
  [/^#?\/?$/, renderDashboard],
  [/^#\/province$/, renderProvince],
  [/^#\/knowledge$/, renderKnowledge],
  [/^#\/knowledge\/([a-z0-9-]+)$/, renderProcedure],
  [/^#\/inbox$/, renderInbox],
  [/^#\/handoffs$/, renderHandoffs],
  [/^#\/handoffs\/([A-Za-z0-9]+)$/, renderHandoff],
  [/^#\/outbox$/, renderOutbox],
  [/^#\/dossiers$/, renderDossiers],
  [/^#\/audit$/, renderAudit],
  [/^#\/staff$/, renderStaff],
  [/^#\/channels$/, renderChannels],
];

const view = byId('view');
let me = null;
/** @type {(() => void) | null} */
let cleanup = null;

function drawChrome() {
  const nav = byId('nav');
  clear(
    nav,
    me
      ? MENU.filter(
          (m) => (!m.admin || (me.province && me.role === 'admin')) && (!m.province || me.province),
        ).map((m) => h('a', { href: m.href, text: m.label }))
      : [],
  );
  const where = me && !me.province ? ', ' + me.communes.map((c) => c.name).join(', ') : '';
  byId('who').textContent = me ? me.username + ' (' + ROLE[me.role] + where + ')' : '';
  byId('logout').hidden = !me;
}

function markActive() {
  const here = location.hash || '#/';
  for (const a of document.querySelectorAll('#nav a')) {
    const href = a.getAttribute('href') || '';
    a.classList.toggle('active', href === '#/' ? here === '#/' || here === '' : here.startsWith(href));
  }
}

async function route() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  if (!me) return;
  markActive();
  const hash = location.hash || '#/';
  for (const [pattern, render] of ROUTES) {
    const m = pattern.exec(hash);
    if (m) {
      clear(view);
      cleanup = (await render(view, { me, params: m.slice(1) })) || null;
      view.focus({ preventScroll: true });
      return;
    }
  }
  clear(view, h('p', { text: 'Không có trang này.' }), h('a', { href: '#/', text: 'Về Tổng quan' }));
}

function signedIn(session) {
  me = session;
  setCsrf(session.csrfToken);
  drawChrome();
  // Back from Zalo's consent page: the channels view finishes the connect.
  if (consentAnswer() && location.hash !== '#/channels') location.hash = '#/channels';
  else route();
}

function signedOut(reason) {
  me = null;
  setCsrf(null);
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  drawChrome();
  renderLogin(view, signedIn, reason);
}

whenSignedOut((body) =>
  signedOut(
    body && body.error === 'session_expired'
      ? 'Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại.'
      : null,
  ),
);
window.addEventListener('hashchange', route);
byId('logout').addEventListener('click', async () => {
  try {
    await api('POST', '/logout', {});
  } catch (e) {
    /* signed out anyway */
  }
  signedOut('Đã đăng xuất.');
});

api('GET', '/me').then(signedIn, (err) => {
  if (err.status !== 401) signedOut('Không kết nối được máy chủ: ' + err.message);
});
