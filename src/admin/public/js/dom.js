// @ts-check
// Building DOM nodes. Text always goes in as text (never as HTML), so whatever staff or citizens typed,
// <script> included, is shown as text.
const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'multiple']);

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** The page's element with this id; the console's HTML always has it. */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error('#' + id + ' is missing from the page');
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
