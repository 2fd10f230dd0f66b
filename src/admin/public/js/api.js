// @ts-check
// The console's only way to the server: JSON over fetch, the CSRF token on every change.
let csrfToken = null;
/** @type {(body: any) => void} */
let onSignedOut = () => {};

export function setCsrf(token) {
  csrfToken = token;
}
export function whenSignedOut(fn) {
  onSignedOut = fn;
}

export class ApiFailure extends Error {
  constructor(status, body) {
    super((body && body.message) || 'HTTP ' + status);
    this.status = status;
    this.code = body && body.error;
    this.problems = (body && body.problems) || [];
  }
}

export async function api(method, path, body, query) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const qs = query ? '?' + new URLSearchParams(query).toString() : '';
  const res = await fetch('/admin/api' + path + qs, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && path !== '/login') onSignedOut(data);
  if (!res.ok) throw new ApiFailure(res.status, data);
  return data;
}

export const apiUrl = (path, query) =>
  '/admin/api' + path + (query ? '?' + new URLSearchParams(query).toString() : '');
