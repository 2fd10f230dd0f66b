// chart.js is loaded only when a page draws charts (it is served from node_modules, no build step).
let loading = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  loading =
    loading ||
    new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/admin/static/vendor/chart.umd.js';
      s.onload = () => resolve(window.Chart);
      s.onerror = () => reject(new Error('chart.js did not load'));
      document.head.append(s);
    });
  return loading;
}
