// The one way pages talk to Docket: the same JSON API that curl uses, on the browser's session.
import { t, known, lang, fmtDate } from './i18n.js';

/** A 4xx/5xx answer, with the RFC 9457 problem details the API sends. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** The CSRF token the server put in a readable cookie; every POST sends it back. */
export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

/**
 * GET when there is no body; otherwise POST of JSON (or of FormData / text as given). An idempotency key
 * makes a double click or a retry harmless: the server answers the first outcome again.
 */
export async function api(path, { body, text, form, idempotencyKey, method } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let payload;
  if (form) payload = form;
  else if (text !== undefined) { payload = text; headers['Content-Type'] = 'text/plain; charset=utf-8'; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const verb = method || (payload === undefined ? 'GET' : 'POST');
  if (verb !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken() || '';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method: verb, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { rule: 'network', detail: String(e.message || e) });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401) {
    // The session ended (it timed out, or Docket restarted). Reading a page: to the sign-in form. Sending a form:
    // leaving would drop what the person typed, so the form stays and says how to sign in again (errorBox).
    if (verb === 'GET') location.assign('/login.html?expired');
    throw new ApiError(401, data || { rule: 'authentication-required' });
  }
  if (!response.ok) throw new ApiError(response.status, data || { detail: `HTTP ${response.status}` });
  return data;
}

/** Every item of a paged list (pages of 200), for the dashboard's counts. */
export async function all(path) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 0; ; page++) {
    const answer = await api(`${path}${sep}size=200&page=${page}`);
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

/**
 * A problem in the person's language: the rule's own words, filled with the problem's figures (the extension a
 * file's name should have, the day a draft was approved, written d/M/yyyy). An upload over its limit says the limit,
 * whichever rule refused it (the whole form or the file). The server's detail is English, so it is shown only for a
 * rule the web app has no words for, and under the rule's words to someone reading in English.
 */
export function problemText(error) {
  const rule = error?.problem?.rule;
  if (error?.problem?.maxMb != null) return t('upload.tooLarge', error.problem);
  if (rule && known('problem.' + rule)) return t('problem.' + rule, figures(error.problem));
  return error?.problem?.detail || error?.message || String(error);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function figures(problem) {
  return Object.fromEntries(Object.entries(problem).map(([name, value]) =>
    [name, typeof value === 'string' && DAY.test(value) ? fmtDate(value) : value]));
}

/** The server's detail under the translated text, for a person reading in English, when it says more. */
export function problemDetail(error) {
  const detail = error?.problem?.detail;
  return lang() === 'en' && detail && detail !== problemText(error) ? t('serverSaid', { detail }) : null;
}

export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
}
