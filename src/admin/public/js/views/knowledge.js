// @ts-check
// Knowledge base: which source the bot answers from, the procedures (search), reload from disk,
// export to the knowledge/ file format and import such an archive (preview first).
import { api, apiUrl } from '../api.js';
import { h, clear } from '../dom.js';
import { when, dayText } from '../format.js';
import { AUTHORITY, NOTICE } from '../labels.js';
import { describeField } from './procedure-form.js';
import { badge, busy, canEditShared, filePicker, showError, toast } from '../ui.js';

export function originBadge(o) {
  if (!o || o.source === 'files') return badge('Tệp knowledge/');
  return h(
    'span',
    null,
    badge('Bản ' + o.version + ' · ' + o.author, 'ok'),
    o.fileDiffers ? [' ', badge('tệp trên đĩa khác', 'warn')] : null,
  );
}

function statusCard(s) {
  const problems = [...s.filesProblems, ...s.storeProblems];
  return h(
    'section',
    { class: 'card', id: 'kb-status' },
    h('h2', { text: 'Nguồn đang dùng' }),
    h(
      'p',
      null,
      'Trợ lý đang trả lời theo: ',
      h('strong', {
        id: 'kb-source',
        text:
          s.source === 'files'
            ? 'các tệp trong thư mục knowledge/'
            : 'các tệp knowledge/ và các bản đã xuất bản từ bảng điều khiển',
      }),
    ),
    h('p', {
      class: 'muted small',
      text:
        'Tệp đọc lúc ' +
        when(s.filesLoadedAt) +
        ' · kiểm tra thay đổi lúc ' +
        when(s.checkedAt) +
        ' · phiên bản kho ' +
        s.revision,
    }),
    problems.length
      ? h(
          'div',
          { class: 'errors' },
          h('strong', { text: 'Có lỗi, trợ lý vẫn dùng bản tốt gần nhất:' }),
          h(
            'ul',
            null,
            problems.map((p) => h('li', null, p.file + ': ' + p.field + ': ' + p.reason)),
          ),
        )
      : null,
  );
}

/** One line per notice, in Vietnamese: the procedure, the field, what and when. */
function noticeLine(n) {
  const what = n.subject ? ' "' + n.subject + '"' : '';
  const when = n.date
    ? (n.kind === 'stale'
        ? ' — rà soát lần cuối '
        : n.kind === 'unverified'
          ? ' — áp dụng đến '
          : ' — đến hết ngày ') + dayText(n.date)
    : '';
  return h(
    'li',
    { 'data-kind': n.kind },
    n.procedure
      ? h('a', { href: '#/knowledge/' + n.procedure, text: n.name })
      : h('strong', { text: n.file }),
    h('span', { class: 'muted small', text: ' · ' + (n.procedure ? describeField(n.field).name : n.field) }),
    what + when,
    n.source ? h('div', { class: 'muted small', text: 'Nguồn để kiểm tra: ' + n.source }) : null,
  );
}

/** What needs a person's review today, most urgent first; the long lists start folded. */
function reviewCard(review) {
  const order = ['expired', 'expiring', 'stale', 'unverified', 'writing'];
  const groups = order
    .map((k) => [k, review.notices.filter((n) => n.kind === k)])
    .filter(([, list]) => list.length);
  return h(
    'section',
    { class: 'card', id: 'kb-review' },
    h('h2', { text: 'Cần rà soát (ngày ' + dayText(review.today) + ')' }),
    groups.length
      ? groups.map(([k, list]) =>
          h(
            'details',
            { open: k === 'expired' || k === 'expiring' || k === 'stale', 'data-kind': k },
            h('summary', { text: NOTICE[k] + ' (' + list.length + ')' }),
            h('ul', null, list.map(noticeLine)),
          ),
        )
      : h('p', { class: 'muted', text: 'Không có nội dung nào cần rà soát.' }),
  );
}

function importBox(me, refresh) {
  if (!canEditShared(me)) return null;
  const file = h('input', {
    type: 'file',
    id: 'kb-import-file',
    accept: '.tar.gz,.tgz,.tar,application/gzip',
    'aria-label': 'Tệp nén thư mục knowledge/ (.tar.gz)',
  });
  const result = h('div');
  const preview = h('button', { type: 'button', class: 'secondary', text: 'Xem trước' });
  const commit = h('button', { type: 'button', text: 'Nhập', disabled: true });
  const send = (dryRun) => api('POST', '/knowledge/import', file.files[0], { dryRun: String(dryRun) });
  preview.addEventListener('click', () =>
    busy(
      preview,
      async () => {
        if (!file.files[0]) throw new Error('chưa chọn tệp');
        const plan = await send(true);
        const changing = plan.items.filter((i) => i.action !== 'unchanged');
        clear(
          result,
          h(
            'p',
            null,
            'Sẽ thêm ' +
              plan.items.filter((i) => i.action === 'create').length +
              ', sửa ' +
              plan.items.filter((i) => i.action === 'update').length +
              ', giữ nguyên ' +
              plan.items.filter((i) => i.action === 'unchanged').length +
              ' thủ tục.',
          ),
          h(
            'ul',
            null,
            changing.map((i) =>
              h(
                'li',
                null,
                h('strong', { text: i.id }),
                ' — ' + (i.action === 'create' ? 'thủ tục mới' : i.changes.length + ' thay đổi'),
              ),
            ),
          ),
          plan.skipped.length
            ? h('p', {
                class: 'muted small',
                text: 'Bỏ qua: ' + plan.skipped.map((s) => s.file + ' (' + s.reason + ')').join('; '),
              })
            : null,
        );
        commit.disabled = changing.length === 0;
      },
      result,
    ),
  );
  commit.addEventListener('click', () =>
    busy(
      commit,
      async () => {
        const done = await send(false);
        toast('Đã nhập ' + done.items.filter((i) => i.action !== 'unchanged').length + ' thủ tục.');
        commit.disabled = true;
        await refresh();
      },
      result,
    ),
  );
  return h(
    'section',
    { class: 'card' },
    h('h2', { text: 'Nhập bộ thủ tục' }),
    h('p', {
      class: 'muted small',
      text: 'Tệp .tar.gz theo cấu trúc thư mục knowledge/ (ví dụ do tỉnh gửi). Chỉ nhận các thủ tục dùng chung; hồ sơ các xã, phần riêng của từng xã và tệp của tỉnh không bị thay.',
    }),
    filePicker(file),
    h('p', { class: 'row' }, preview, commit),
    result,
  );
}

export async function renderKnowledge(view, { me }) {
  const search = h('input', {
    type: 'search',
    id: 'kb-search',
    placeholder: 'Tìm thủ tục (có dấu hoặc không dấu)…',
    maxlength: 200,
  });
  const list = h('div', { class: 'card' });
  const status = h('div');
  const review = h('div');
  const errors = h('div');
  const reload = canEditShared(me)
    ? h('button', { type: 'button', class: 'secondary', text: 'Đọc lại tệp trên đĩa' })
    : null;

  async function refresh() {
    try {
      const [data, notices] = await Promise.all([
        api('GET', '/knowledge', undefined, { q: search.value }),
        api('GET', '/knowledge/review'),
      ]);
      clear(status, statusCard(data.status));
      clear(review, reviewCard(notices));
      clear(
        list,
        data.procedures.length
          ? h(
              'div',
              { class: 'table-wrap' },
              h(
                'table',
                null,
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    ['Thủ tục', 'Cơ quan', 'Nguồn', 'Rà soát'].map((t) => h('th', { text: t })),
                  ),
                ),
                h(
                  'tbody',
                  null,
                  data.procedures.map((p) =>
                    h(
                      'tr',
                      null,
                      h(
                        'td',
                        null,
                        h('a', { href: '#/knowledge/' + p.id, text: p.name }),
                        h('div', { class: 'muted small', text: p.id }),
                      ),
                      h('td', { text: AUTHORITY[p.authority] || p.authority }),
                      h('td', null, originBadge(p.origin)),
                      h('td', { text: p.lastReviewed ? dayText(p.lastReviewed) : '' }),
                    ),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted', text: 'Không có thủ tục nào khớp.' }),
      );
    } catch (err) {
      showError(errors, err);
    }
  }
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
  if (reload)
    reload.addEventListener('click', () =>
      busy(
        reload,
        async () => {
          await api('POST', '/knowledge/reload', {});
          toast('Đã đọc lại các tệp.');
          await refresh();
        },
        errors,
      ),
    );

  clear(
    view,
    h('h1', { text: 'Thủ tục' }),
    status,
    errors,
    h(
      'div',
      { class: 'card row' },
      h('div', { class: 'grow' }, search),
      reload,
      h('a', { href: apiUrl('/knowledge/export'), download: '', text: 'Xuất bộ thủ tục (.tar.gz)' }),
    ),
    review,
    list,
    importBox(me, refresh),
  );
  await refresh();
  return () => clearTimeout(timer);
}
