// @ts-check
// Dossiers: look one up by its receipt code, change its status with a note (subscribed citizens are told),
// import a CSV/XLSX export: preview accepted and rejected rows, then commit.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { day, when } from '../format.js';
import { STATUS } from '../labels.js';
import { badge, busy, canEdit, filePicker, toast } from '../ui.js';

function dossierCard(data, editable, onChanged) {
  const d = data.dossier;
  const status = h(
    'select',
    { id: 'new-status' },
    Object.entries(STATUS).map(([k, label]) =>
      h('option', { value: k, selected: k === d.status, text: label }),
    ),
  );
  const note = h('textarea', {
    id: 'status-note',
    maxlength: 1000,
    rows: 2,
    placeholder: 'Lý do, giấy tờ cần bổ sung, hoặc ghi chú cho người dân',
  });
  const save = h('button', { type: 'button', text: 'Cập nhật trạng thái' });
  const result = h('div');
  save.addEventListener('click', () =>
    busy(
      save,
      async () => {
        const done = await api('POST', '/dossiers/' + encodeURIComponent(d.code) + '/status', {
          status: status.value,
          note: note.value,
        });
        const n = done.notices;
        toast(
          'Đã cập nhật. Đã nhắn ' +
            n.notified +
            ' người theo dõi' +
            (n.waiting ? ', ' + n.waiting + ' người sẽ được nhắn khi họ nhắn lại' : '') +
            (n.phone === 'sent'
              ? ', đã gửi tin báo tới số điện thoại người nộp'
              : n.phone === 'failed'
                ? ', chưa gửi được tin báo tới số điện thoại người nộp'
                : '') +
            '.',
        );
        onChanged(done.dossier);
      },
      result,
    ),
  );
  return h(
    'section',
    { class: 'card', id: 'dossier' },
    h(
      'h2',
      null,
      d.code,
      ' ',
      badge(
        d.statusLabel,
        d.status === 'rejected' ? 'bad' : d.status === 'result_ready' || d.status === 'returned' ? 'ok' : '',
      ),
      d.overdue ? [' ', badge('Quá hạn', 'bad')] : null,
    ),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        [
          ['Thủ tục', d.procedureName || d.procedureId],
          ['Người nộp', d.applicant],
          ['Điện thoại', d.phone || '—'],
          ['Ngày tiếp nhận', day(d.receivedAt)],
          ['Ngày hẹn trả', day(d.dueAt)],
          ['Lý do', d.reason || '—'],
          ['Ghi chú cho người dân', d.note || '—'],
          ['Người theo dõi', String(data.subscribers)],
        ].map(([k, v]) => h('tr', null, h('th', { text: k }), h('td', { text: v }))),
      ),
    ),
    h('h3', { text: 'Lịch sử trạng thái' }),
    h(
      'ul',
      null,
      d.history.map((x) =>
        h('li', null, when(x.at) + ' — ' + (STATUS[x.status] || x.status) + (x.note ? ': ' + x.note : '')),
      ),
    ),
    editable
      ? h(
          'div',
          null,
          h('h3', { text: 'Đổi trạng thái' }),
          h('label', { for: 'new-status', text: 'Trạng thái mới' }),
          status,
          h('label', { for: 'status-note', text: 'Ghi chú' }),
          note,
          h('p', null, save),
          result,
        )
      : null,
  );
}

function importCard() {
  const file = h('input', {
    type: 'file',
    id: 'dossier-file',
    accept: '.csv,.xlsx',
    'aria-label': 'Tệp danh sách hồ sơ (CSV hoặc Excel)',
  });
  const preview = h('button', { type: 'button', class: 'secondary', text: 'Xem trước' });
  const commit = h('button', { type: 'button', text: 'Nhập vào hệ thống', disabled: true });
  const result = h('div');
  const send = (dryRun) =>
    api('POST', '/dossiers/import', file.files[0], { filename: file.files[0].name, dryRun: String(dryRun) });
  const show = (r) =>
    h(
      'div',
      null,
      h(
        'p',
        null,
        'Hợp lệ ' +
          r.accepted +
          ' dòng (mới ' +
          r.created +
          ', cập nhật ' +
          r.updated +
          ', không đổi ' +
          r.unchanged +
          '); bị loại ' +
          r.rejected.length +
          ' dòng.',
      ),
      r.rejected.length
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { id: 'rejected' },
              h('thead', null, h('tr', null, h('th', { text: 'Dòng' }), h('th', { text: 'Lý do' }))),
              h(
                'tbody',
                null,
                r.rejected.map((x) =>
                  h('tr', null, h('td', { text: String(x.row) }), h('td', { text: x.reason })),
                ),
              ),
            ),
          )
        : null,
      r.changes.length
        ? h(
            'details',
            null,
            h('summary', {
              text:
                'Các hồ sơ sẽ thay đổi (' +
                (r.changes.length + (r.changesNotListed || 0)) +
                (r.changesNotListed ? ', liệt kê ' + r.changes.length + ' hồ sơ đầu' : '') +
                ')',
            }),
            h(
              'ul',
              null,
              r.changes.map((c) =>
                h('li', {
                  text:
                    'Dòng ' +
                    c.row +
                    ': ' +
                    c.code +
                    ' — ' +
                    (c.action === 'create' ? 'mới, ' : (STATUS[c.from] || '') + ' → ') +
                    (STATUS[c.to] || c.to),
                }),
              ),
            ),
          )
        : null,
    );
  preview.addEventListener('click', () =>
    busy(
      preview,
      async () => {
        if (!file.files[0]) throw new Error('chưa chọn tệp');
        const { report } = await send(true);
        clear(result, show(report));
        commit.disabled = report.created + report.updated === 0;
      },
      result,
    ),
  );
  // While the upload runs, the newest running job tells how far the import got.
  const progress = h('p', { class: 'muted small', 'aria-live': 'polite' });
  const poll = async () => {
    const { jobs } = await api('GET', '/dossiers/imports');
    const job = jobs.find((j) => j.state === 'running');
    clear(
      progress,
      job ? 'Đang nhập ' + job.file + ': ' + job.counts.done + '/' + job.counts.total + ' dòng…' : '',
    );
  };
  commit.addEventListener('click', () =>
    busy(
      commit,
      async () => {
        clear(result, progress);
        const timer = setInterval(() => poll().catch(() => undefined), 1000);
        let answer;
        try {
          answer = await send(false);
        } finally {
          clearInterval(timer);
        }
        const { report, notified } = answer;
        clear(result, show(report));
        toast(
          'Đã nhập ' + (report.created + report.updated) + ' hồ sơ; đã nhắn ' + notified + ' người theo dõi.',
        );
        commit.disabled = true;
      },
      result,
    ),
  );
  return h(
    'section',
    { class: 'card' },
    h('h2', { text: 'Nhập danh sách hồ sơ' }),
    h('p', {
      class: 'muted small',
      text: 'Tệp CSV hoặc Excel (.xlsx) xuất từ hệ thống một cửa của tỉnh. Xem trước để biết dòng nào hợp lệ, dòng nào bị loại, rồi mới nhập.',
    }),
    filePicker(file),
    h('p', { class: 'row' }, preview, commit),
    result,
  );
}

export async function renderDossiers(view, { me }) {
  const editable = canEdit(me);
  const code = h('input', {
    type: 'search',
    id: 'dossier-code',
    placeholder: '000.00.15.H12-251118-0007',
    maxlength: 100,
  });
  const find = h('button', { type: 'submit', text: 'Tìm' });
  const found = h('div');
  const form = h(
    'form',
    { class: 'card' },
    h('label', { for: 'dossier-code', text: 'Mã hồ sơ' }),
    h('div', { class: 'row' }, h('div', { class: 'grow' }, code), find),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(
      find,
      async () => {
        const data = await api('GET', '/dossiers/' + encodeURIComponent(code.value.trim()));
        const redraw = (dossier) => clear(found, dossierCard({ ...data, dossier }, editable, redraw));
        redraw(data.dossier);
      },
      found,
    );
  });
  clear(view, h('h1', { text: 'Hồ sơ' }), form, found, editable ? importCard() : null);
  code.focus();
}
