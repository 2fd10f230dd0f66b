// @ts-check
// Dashboard: figures for a chosen range of days as charts, each downloadable as CSV.
import { api, apiUrl } from '../api.js';
import { h, clear } from '../dom.js';
import { loadChart } from '../chart-loader.js';
import { dayRangeForm } from '../day-range.js';
import { dayShort, dayText } from '../format.js';
import { ASPECT, CHANNEL } from '../labels.js';
import { showError } from '../ui.js';

const COLORS = ['#0b5cad', '#1e7b34', '#c77700', '#8e24aa', '#b3261e', '#00838f'];
const LABEL_WIDTH = 26;

/** A long name as lines of at most LABEL_WIDTH characters: Chart.js cuts a single long axis label. */
function wrapLabel(name) {
  const lines = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line && line.length + 1 + word.length > LABEL_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderDashboard(view) {
  const { form, show, range: rangeOf } = dayRangeForm();
  const errors = h('div');
  const body = h('div');
  clear(view, h('h1', { text: 'Tổng quan' }), form, errors, body);
  let charts = [];

  async function load() {
    show.disabled = true;
    clear(errors);
    try {
      const range = rangeOf();
      const [{ figures: f }, Chart] = await Promise.all([
        api('GET', '/dashboard', undefined, range),
        loadChart(),
      ]);
      charts.forEach((c) => c.destroy());
      charts = draw(body, f, range, Chart);
    } catch (err) {
      showError(errors, err, 'Không tải được số liệu.');
    } finally {
      show.disabled = false;
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  await load();
  return () => charts.forEach((c) => c.destroy());
}

function card(title, table, range, canvas, tall) {
  canvas.setAttribute('aria-label', title);
  return h(
    'section',
    { class: 'card' },
    h(
      'div',
      { class: 'row spread' },
      h('h2', { text: title }),
      h('a', { href: apiUrl('/dashboard/csv', { ...range, table }), download: '', text: 'Tải CSV' }),
    ),
    h('div', { class: tall ? 'chart-box tall' : 'chart-box' }, canvas),
  );
}

function stat(label, value) {
  return h(
    'div',
    { class: 'card' },
    h('div', { class: 'muted small', text: label }),
    h('div', { class: 'stat', text: value }),
  );
}

function draw(body, f, range, Chart) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const answered = sum(f.outcomes.map((o) => o.answered));
  const missed = sum(f.outcomes.map((o) => o.notUnderstood));
  const waits = f.handoffs.filter((x) => x.averageWaitMinutes !== null);
  const avgWait = waits.length
    ? Math.round(sum(waits.map((x) => x.averageWaitMinutes * x.taken)) / sum(waits.map((x) => x.taken)))
    : null;
  const canvases = {};
  const c = (id) => (canvases[id] = h('canvas', { id: 'chart-' + id, role: 'img' }));
  clear(
    body,
    h(
      'div',
      { class: 'grid' },
      stat('Tin nhắn', String(answered + missed)),
      stat(
        'Trả lời được',
        answered + missed ? Math.round((100 * answered) / (answered + missed)) + '%' : '—',
      ),
      stat('Yêu cầu gặp cán bộ', String(sum(f.handoffs.map((x) => x.opened)))),
      stat('Thời gian chờ trung bình', avgWait === null ? '—' : avgWait + ' phút'),
      stat('Lượt tra cứu hồ sơ', String(sum(f.lookups.map((x) => x.count)))),
    ),
    h(
      'div',
      { class: 'grid' },
      card('Tin nhắn theo ngày và kênh', 'messages', range, c('messages')),
      card('Trả lời được / chưa hiểu', 'outcomes', range, c('outcomes')),
      card('Thủ tục được hỏi nhiều nhất', 'procedures', range, c('procedures'), true),
      card('Nội dung được hỏi nhiều nhất', 'aspects', range, c('aspects')),
      card('Gặp cán bộ và thời gian chờ', 'handoffs', range, c('handoffs')),
      card('Tra cứu hồ sơ', 'lookups', range, c('lookups')),
    ),
  );
  const base = { responsive: true, maintainAspectRatio: false, animation: false };
  // Day axes read dd/mm, and the tooltip gives the whole date.
  const dayTitle = (items) => (items[0] ? dayText(f.days[items[0].dataIndex] || '') : '');
  const byDay = { plugins: { tooltip: { callbacks: { title: dayTitle } } } };
  const days = f.days.map(dayShort);
  const stacked = {
    ...base,
    ...byDay,
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
  };
  const channels = [...new Set(f.messages.map((m) => m.channel))];
  return [
    new Chart(canvases.messages, {
      type: 'bar',
      options: stacked,
      data: {
        labels: days,
        datasets: channels.map((ch, i) => ({
          label: CHANNEL[ch] || ch,
          backgroundColor: COLORS[i % COLORS.length],
          data: f.days.map(
            (d) => (f.messages.find((m) => m.day === d && m.channel === ch) || { count: 0 }).count,
          ),
        })),
      },
    }),
    new Chart(canvases.outcomes, {
      type: 'bar',
      options: stacked,
      data: {
        labels: days,
        datasets: [
          { label: 'Trả lời được', backgroundColor: COLORS[1], data: f.outcomes.map((o) => o.answered) },
          { label: 'Chưa hiểu', backgroundColor: COLORS[4], data: f.outcomes.map((o) => o.notUnderstood) },
        ],
      },
    }),
    new Chart(canvases.procedures, {
      type: 'bar',
      options: { ...base, indexAxis: 'y', scales: { y: { ticks: { autoSkip: false } } } },
      data: {
        labels: f.procedures.map((p) => wrapLabel(p.name)),
        datasets: [{ label: 'Lượt hỏi', backgroundColor: COLORS[0], data: f.procedures.map((p) => p.count) }],
      },
    }),
    new Chart(canvases.aspects, {
      type: 'bar',
      options: base,
      data: {
        labels: f.aspects.map((a) => ASPECT[a.aspect] || a.aspect),
        datasets: [{ label: 'Lượt hỏi', backgroundColor: COLORS[2], data: f.aspects.map((a) => a.count) }],
      },
    }),
    new Chart(canvases.handoffs, {
      type: 'bar',
      options: {
        ...base,
        ...byDay,
        scales: {
          y: { beginAtZero: true },
          minutes: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
        },
      },
      data: {
        labels: days,
        datasets: [
          { label: 'Yêu cầu', backgroundColor: COLORS[3], data: f.handoffs.map((x) => x.opened) },
          { label: 'Đã nhận', backgroundColor: COLORS[0], data: f.handoffs.map((x) => x.taken) },
          {
            type: 'line',
            label: 'Chờ trung bình (phút)',
            yAxisID: 'minutes',
            borderColor: COLORS[4],
            data: f.handoffs.map((x) => x.averageWaitMinutes),
          },
        ],
      },
    }),
    new Chart(canvases.lookups, {
      type: 'line',
      options: { ...base, ...byDay, scales: { y: { beginAtZero: true } } },
      data: {
        labels: days,
        datasets: [{ label: 'Lượt tra cứu', borderColor: COLORS[5], data: f.lookups.map((x) => x.count) }],
      },
    }),
  ];
}
