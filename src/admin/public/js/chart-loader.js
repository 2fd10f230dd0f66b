// @ts-check
// chart.js is loaded only when a page draws charts (it is served from node_modules, no build step).
/** @type {Promise<any> | null} */
let loading = null;
// chart.umd.js sets window.Chart; the console uses it untyped.
const win = /** @type {Window & { Chart?: any }} */ (window);

export function loadChart() {
  if (win.Chart) return Promise.resolve(win.Chart);
  loading =
    loading ||
    new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/admin/static/vendor/chart.umd.js';
      s.onload = () => resolve(win.Chart);
      s.onerror = () => reject(new Error('chart.js did not load'));
      document.head.append(s);
    });
  return loading;
}
