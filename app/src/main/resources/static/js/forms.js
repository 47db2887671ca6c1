// Labelled form fields with their own error messages, checked in the person's language before anything
// is sent; what the server still refuses is shown under the form with its problem details.
import { h, clear } from './dom.js';
import { t, parseDate, noSuchDay, todayIso, fmtSize } from './i18n.js';
import { api, newKey } from './api.js';
import { errorBox } from './layout.js';

let counter = 0;

/**
 * One field: {name, label, type: 'text'|'textarea'|'date'|'select'|'file'|'checkbox', required, hint, options, list,
 * keptLabel: its name where its value is shown outside the form (typed), when the label alone is not enough,
 * notBefore: the name of the date field this one's date may not be before, the start of its range}.
 * Dates are typed d/m/yyyy or dd/mm/yyyy, as the office writes them, whatever the browser's own locale.
 */
export function field(spec) {
  const id = `f-${spec.name}-${++counter}`;
  const errorId = id + '-error';
  const hintId = spec.hint ? id + '-hint' : null;
  const common = {
    id, name: spec.name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    'aria-required': spec.required ? 'true' : null,
  };
  let input;
  if (spec.type === 'textarea') {
    input = h('textarea', { ...common, rows: spec.rows || 3 }, spec.value || '');
  } else if (spec.type === 'select') {
    input = h('select', common, (spec.options || []).map(([value, label]) =>
      h('option', { value, selected: value === (spec.value ?? '') }, label)));
  } else if (spec.type === 'checkbox') {
    input = h('input', { ...common, type: 'checkbox', value: 'true' });
  } else if (spec.type === 'file') {
    input = fileChooser({ ...common, accept: spec.accept }, spec.label);
  } else {
    input = h('input', {
      ...common, type: 'text', value: spec.value ?? '', list: spec.list,
      placeholder: spec.type === 'date' ? t('field.date') : spec.placeholder,
      inputmode: spec.type === 'date' ? 'numeric' : (spec.inputmode || null),
      autocomplete: spec.autocomplete || 'off', 'data-type': spec.type || 'text',
    });
  }
  const wrap = h('div', { class: 'field' + (spec.wide ? ' wide' : '') },
    h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : ''),
    input,
    hintId && h('small', { id: hintId, class: 'hint' }, spec.hint),
    h('small', { id: errorId, class: 'field-error', 'aria-live': 'polite' }));
  // A file field's value is its native input, inside the chooser.
  wrap.input = input.input || input;
  wrap.spec = spec;
  // A message is about what was there when the form was sent: once it is changed, the message goes (sending checks
  // again), and with the last one the form's "correct the marked fields".
  const forget = () => {
    if (!wrap.classList.contains('invalid')) return;
    setError(wrap, null);
    const form = wrap.closest('form');
    if (form && !form.querySelector('.field.invalid')) form.querySelector('.fix-fields')?.remove();
  };
  wrap.input.addEventListener('input', forget);
  wrap.input.addEventListener('change', forget);
  return wrap;
}

/**
 * A file chooser in the page's language. Chromium draws the native control ("Choose File", "No file chosen") in
 * its own language, so the native input lies invisible over a button and a line of text that Docket writes.
 * The input itself is still what is clicked, focused (Enter and Space open the picker), dropped on and sent, so
 * nothing else changes. A screen reader would still hear Chromium's "No file chosen" from it: its name is the
 * field's label and the chosen file as the page writes them ("Tệp dự thảo: Chưa chọn tệp"), kept in step.
 * attrs: the input's (id, name, accept, aria-describedby...); label: the field's; returns the chooser, its
 * input as .input.
 */
export function fileChooser(attrs, label) {
  const input = h('input', { ...attrs, type: 'file' });
  const chosen = h('span', { class: 'file-chosen', 'aria-hidden': 'true' });
  const chooser = h('div', { class: 'file-chooser' }, input,
    h('span', { class: 'file-button', 'aria-hidden': 'true' }, t('file.choose')), chosen);
  chooser.show = () => {
    const file = input.files[0];
    chosen.textContent = file ? `${file.name} (${fmtSize(file.size)})` : t('file.none');
    input.setAttribute('aria-label', `${label}: ${chosen.textContent}`);
  };
  input.addEventListener('change', chooser.show);
  chooser.show();
  chooser.input = input;
  return chooser;
}

// A form's reset empties its file inputs only after the 'reset' event, so the choosers say so a moment later.
document.addEventListener('reset', event => setTimeout(() =>
  event.target.querySelectorAll('.file-chooser').forEach(chooser => chooser.show())));

export function setError(fieldWrap, message) {
  const error = fieldWrap.querySelector('.field-error');
  error.textContent = message || '';
  fieldWrap.input.setAttribute('aria-invalid', message ? 'true' : 'false');
  fieldWrap.classList.toggle('invalid', Boolean(message));
}

/**
 * A list's filters, kept in the address so a filtered list can be bookmarked (Lọc) or cleared (Bỏ lọc). On a phone
 * they fold away behind "Bộ lọc" and how many are in use, so the list itself starts on the first screen. {@code kept}:
 * what the address holds besides the filters and keeps when they change (a saved list's name); resetHref keeps it too.
 */
export function filterForm(id, fields, resetHref, kept = {}) {
  const form = h('form', { class: 'filters', id, role: 'search', novalidate: true },
    h('div', { class: 'fields' }, fields), h('button', { type: 'submit' }, t('filter')), ' ',
    h('a', { href: resetHref, class: 'button-link' }, t('reset')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const { values, ok } = read(fields);
    if (!ok) return;
    // What the filters narrow (a saved list) stays: filtering "Việc chờ tôi" by a unit gave all of that unit's tasks.
    const next = new URLSearchParams(kept);
    for (const [key, value] of Object.entries(values)) if (value) next.set(key, value);
    location.search = next.toString();
  });
  const query = new URLSearchParams(location.search);
  const inUse = fields.filter(f => query.get(f.spec.name)).length;
  return h('details', { class: 'filter-fold', open: !matchMedia('(max-width: 600px)').matches },
    h('summary', {}, inUse ? t('filters.inUse', { n: inUse }) : t('filters')), form);
}

/** Reads and checks the common rules of every field: required, date format, not in the future. */
export function read(fields) {
  const values = {};
  let ok = true;
  for (const f of fields) {
    const { name, type, required, label, notFuture } = f.spec;
    let value = f.input.value;
    let message = null;
    if (type === 'date') {
      const iso = parseDate(value);
      if (iso === undefined) {
        // 31/02/2021 is written right and is no day: telling its writer to write day/month/year would mislead.
        message = noSuchDay(value) ? t('valid.noSuchDay', { field: label, date: value.trim() }) : t('valid.date', { field: label });
      }
      else if (iso && notFuture && iso > todayIso()) message = t('valid.future', { field: label });
      value = iso;
    } else if (type === 'checkbox') {
      value = f.input.checked;
    } else if (f.input.type === 'password') {
      // Sent as typed, as the sign-in form sends it: trimmed here, it would never match there.
      value = value || null;
    } else if (type !== 'file') {
      value = value.trim() || null;
    }
    if (!message && required && !value) message = t('valid.required', { field: label.toLowerCase() });
    setError(f, message);
    if (message) ok = false;
    values[name] = value;
  }
  // A range ending before it starts is named by its fields: the server's refusal cannot say which of a page's ranges
  // (the audit log has two) it meant.
  for (const f of fields.filter(f => f.spec.notBefore && !f.classList.contains('invalid'))) {
    const start = fields.find(other => other.spec.name === f.spec.notBefore);
    const [from, to] = [values[f.spec.notBefore], values[f.spec.name]];
    if (from && to && to < from) {
      setError(f, t('valid.reversed', { field: f.spec.label, from: start.spec.label }));
      ok = false;
    }
  }
  return { values, ok };
}

export function lines(text) {
  return (text || '').split('\n').map(l => l.trim()).filter(Boolean);
}

/**
 * A form that checks itself, POSTs to the API with one idempotency key per form (a double click is
 * harmless) and shows the server's refusal in the person's language.
 *
 * spec: {id, title, fields, submit, path, body(values) → JSON, form(values) → FormData or null (then body),
 * check(values, byName) → [[fieldName, message]], done(answer), conflict(error, typed(form)) on a 409}
 */
export function commandForm(spec) {
  const status = h('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, spec.submit);
  const form = h('form', { id: spec.id, class: 'command', novalidate: true },
    h('div', { class: 'fields' }, spec.fields), button, status);
  const key = newKey();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(status);
    const { values, ok } = read(spec.fields);
    let valid = ok;
    const byName = Object.fromEntries(spec.fields.map(f => [f.spec.name, f]));
    // Rules between fields are checked too, on fields that have no message of their own yet.
    for (const [name, message] of (spec.check ? spec.check(values, byName) : [])) {
      if (byName[name].classList.contains('invalid')) continue;
      setError(byName[name], message);
      valid = false;
    }
    if (!valid) {
      status.append(h('p', { class: 'error fix-fields' }, t('valid.fix')));
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    button.disabled = true;
    let answered = false;
    try {
      // A form with a file goes as multipart/form-data (spec.form → FormData), every other one as JSON.
      const payload = spec.form && spec.form(values) ? { form: spec.form(values) } : { body: spec.body(values) };
      const answer = await api(typeof spec.path === 'function' ? spec.path(values) : spec.path,
        { ...payload, idempotencyKey: key });
      answered = true;
      status.append(h('p', { class: 'ok' }, t('waitingForUpdate')));
      await spec.done(answer, values);
    } catch (e) {
      button.disabled = false;
      // 409: the record is no longer as the page shows it (someone acted meanwhile). The page draws it as it is
      // now and puts back what was typed, rather than leave a stale form to be sent again. Not while this form's
      // own earlier sending still runs (its process may have stopped midway): a form drawn again would have a new
      // key, and sending it could record the step twice; this one, sent again later, cannot.
      if (e.status === 409 && e.problem?.rule !== 'request-in-progress' && spec.conflict) {
        try {
          await spec.conflict(e, typed(form));
          return;
        } catch {
          // The page cannot be drawn again now (the network): the refusal is said here, the form as typed.
        }
      }
      // Sent with the same key again, a step that did reach Docket is answered again, not recorded twice. Once the
      // answer came, the step is recorded: only the page's drawing failed, and "send it again" would mislead.
      status.append(errorBox(e, { typedKept: !answered }));
    }
  });
  return form;
}

/**
 * What a person typed and chose in a form, field by field: {name, value, label, shown} (shown: the value as the form
 * showed it, an option's words rather than its code). A file only by its name (file: true): a page can never choose
 * a file again.
 */
export function typed(form) {
  return [...form.elements].filter(e => e.name && !(e.type === 'file' && !e.files.length)).map(e => {
    const spec = e.closest('.field')?.spec || {};
    const label = spec.keptLabel || spec.label || e.name;
    if (e.type === 'file') return { name: e.name, label, shown: e.files[0].name, file: true };
    if (e.type === 'checkbox') return { name: e.name, value: e.checked, label, shown: e.checked ? label : '', checkbox: true };
    const shown = e.tagName === 'SELECT' ? (e.value ? e.selectedOptions[0]?.text : '') : e.value.trim();
    return { name: e.name, value: e.value, label, shown };
  });
}

/**
 * Puts typed values back into a form drawn again, in the fields it still has. Returns what it could not put back:
 * files, and fields the form no longer has (a point answered meanwhile), for the page to show.
 */
export function retype(form, values) {
  const left = [];
  for (const entry of values) {
    const input = form?.elements.namedItem(entry.name);
    if (entry.file || !input || input.type === 'file') {
      left.push(entry);
    } else if (input.type === 'checkbox') {
      input.checked = entry.value;
    } else {
      input.value = entry.value;
    }
  }
  return left;
}
