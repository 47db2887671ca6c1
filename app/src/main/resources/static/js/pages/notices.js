// Notice import: upload or paste a conclusion notice, check what Docket read as an editable table (the
// reader's doubts highlighted on their fields), correct it and confirm; below, the notices registered.
import { api, ApiError, newKey, problemDetail } from '../api.js';
import { h, clear } from '../dom.js';
import { t, known, fmtDate, parseDate } from '../i18n.js';
import { start, section, table, errorBox, KINDS, noticeName, issuedText, unitDirectory, directoryName, pager, pageCount,
  pastEnd } from '../layout.js';
import { lines, fileChooser } from '../forms.js';

/** The configured approval levels' names: an item's route must name them exactly, so the preview lists them. */
let levelNames = [];
const SIZE = 20;

start('notices', 'notices.title', async (main, me) => {
  levelNames = me.approvalLevels.map(l => l.name);
  const preview = h('div', { id: 'preview' });
  clear(main,
    h('h1', {}, t('notices.title')),
    me.role === 'CLERK' ? section(t('notices.import'), importForm(preview), preview) : '',
    section(t('notices.list'), await noticeList()));
  // A page of the list other than the first was asked for by its pager, under the list: show the list, not the import form.
  if (new URLSearchParams(location.search).has('page')) document.getElementById('notices-list')?.scrollIntoView();
});

/** The registered documents, newest first, a page at a time: an office registers dozens a year. */
async function noticeList() {
  const query = new URLSearchParams(location.search);
  const page = Math.max(0, Number(query.get('page')) || 0);
  let notices;
  try {
    notices = await api(`/api/notices?page=${page}&size=${SIZE}`);
  } catch (e) {
    // Said once, under the import form, for clerks; everyone else reads it here.
    return e instanceof ApiError && e.status === 404 ? h('p', { class: 'muted' }, t('notices.unavailable')) : errorBox(e);
  }
  if (notices.total === 0) return h('p', { class: 'muted' }, t('none'));
  const list = pastEnd(page, notices.total, SIZE)
    ? h('p', { id: 'no-notices' }, t('notices.pastEnd', { pages: pageCount(notices.total, SIZE) }))
    : table(t('notices.list'), [t('notices.document'), t('notices.issuedOn'), t('notices.meetingOn'), t('notices.issuer')],
      notices.items.map(n => h('tr', {},
        h('td', {}, h('a', { href: `/notice.html?id=${encodeURIComponent(n.id)}` }, noticeName(n))),
        h('td', {}, issuedText(n)), h('td', {}, fmtDate(n.meetingOn)),
        h('td', {}, n.issuer || ''))), { id: 'notices' });
  return h('div', { id: 'notices-list' }, list, pager({ page, size: SIZE, total: notices.total, query }));
}

/**
 * Where the import endpoints are not deployed yet, say so and show what the server answered. Otherwise the refusal,
 * and on a network failure that the pasted text and the chosen file are still there.
 */
function unavailable(e) {
  if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
    return h('div', { class: 'error', role: 'alert', id: 'import-unavailable' },
      h('p', {}, t('notices.unavailable')),
      problemDetail(e) && h('p', { class: 'detail' }, problemDetail(e)));
  }
  return errorBox(e, { typedKept: true });
}

function importForm(preview) {
  const chooser = fileChooser({ id: 'notice-file', name: 'file', accept: '.txt,.docx,.pdf,text/plain' }, t('notices.file'));
  const fileInput = chooser.input;
  const text = h('textarea', { id: 'notice-text', name: 'text', rows: 8 });
  const status = h('div', { role: 'status', 'aria-live': 'polite', id: 'import-status' });
  const form = h('form', { id: 'import-form', class: 'command', novalidate: true },
    h('div', { class: 'fields' },
      h('div', { class: 'field wide' }, h('label', { for: 'notice-file' }, t('notices.file')), chooser),
      h('div', { class: 'field wide' }, h('label', { for: 'notice-text' }, t('notices.paste')), text)),
    h('button', { type: 'submit', id: 'preview-button' }, t('notices.preview')), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(status);
    clear(preview);
    const file = fileInput.files[0];
    if (!file && !text.value.trim()) {
      status.append(h('p', { class: 'error' }, t('notices.needInput')));
      return;
    }
    let reading;
    try {
      if (file) {
        const data = new FormData();
        data.append('file', file);
        reading = await api('/api/notices/preview', { form: data });
      } else {
        reading = await api('/api/notices/preview', { text: text.value.normalize('NFC') });
      }
    } catch (e) {
      status.append(unavailable(e));
      return;
    }
    preview.append(editor(reading));
    preview.querySelector('h3')?.focus();
  });
  return form;
}

/**
 * A warning in the page's language: the server sends each with a code and its values ("lead-generic", unit) beside its
 * Vietnamese message, which stands only for a code this page has no words for. Dates come ISO and are written d/M/yyyy.
 */
function said(w) {
  if (!w.code || !known('warning.' + w.code)) return w.message;
  const params = Object.fromEntries(Object.entries(w.params || {})
    .map(([name, value]) => [name, /^\d{4}-\d{2}-\d{2}$/.test(value) ? fmtDate(value) : value]));
  return t('warning.' + w.code, params);
}

/** Doubts of the reader by field path ("notice.number", "items[0].deadline"), in the page's language. */
function warningsByField(reading) {
  const map = new Map();
  for (const w of reading.warnings || []) {
    const list = map.get(w.field) || [];
    list.push(said(w));
    map.set(w.field, list);
  }
  return map;
}

let cellCounter = 0;

/** An item's verdict: '' for a task given at the meeting (no draft presented), else the chair's conclusion on the draft. */
const VERDICTS = ['', 'APPROVED_IN_PRINCIPLE', 'REVISION_REQUIRED'];

/**
 * A field's doubts as one text: each a sentence. The reader's end without a full stop ("Không thấy thời hạn"), the
 * server's own with one: joined by "; ", a field doubted by both read "... nếu cố ý.; Đơn vị ...".
 */
function sentences(doubts) {
  return doubts.map(d => d.trim()).filter(Boolean).map(d => (/[.!?…]$/.test(d) ? d : d + '.')).join(' ');
}

/** An input for one field of the reading; a doubted field is highlighted and says why. */
function cell(path, value, warnings, { type = 'text', label, options, rows, warnAlso } = {}) {
  const id = `c${++cellCounter}`;
  const doubts = [...(warnings.get(path) || []), ...(warnAlso ? warnings.get(warnAlso) || [] : [])];
  const noteId = doubts.length ? id + '-warn' : null;
  // data-kind tells collect() how to read the value back: a list (one per line), a date, or text.
  const attrs = { id, 'data-path': path, 'data-kind': type, 'aria-label': label, 'aria-describedby': noteId,
    class: doubts.length ? 'warn' : null, title: sentences(doubts) || null };
  let input;
  if (options) {
    input = h('select', attrs, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
  } else if (type === 'lines') {
    input = h('textarea', { ...attrs, rows: rows || Math.max(2, (value || []).length) }, (value || []).join('\n'));
  } else if (type === 'longtext') {
    input = h('textarea', { ...attrs, rows: rows || 3 }, value || '');
  } else if (type === 'date') {
    input = h('input', { ...attrs, type: 'text', value: fmtDate(value), placeholder: t('field.date'), inputmode: 'numeric' });
  } else {
    input = h('input', { ...attrs, type: 'text', value: value ?? '' });
  }
  return h('div', { class: 'cell' + (doubts.length ? ' has-warning' : '') }, input,
    doubts.length ? h('small', { id: noteId, class: 'warning-note' }, '⚠ ', sentences(doubts)) : '');
}

/**
 * A list of units (an item's leads, its coordinating units, the units owing a contribution), and under each one no unit
 * of the directory has the clerk's choice: a unit of the directory in its place, or keeping it knowingly (a checkbox
 * whose keptAttr names the item; collect() sends the ticked ones as keptLeads, keptCoordinators or keptContributors).
 * Only the directory's units have staff who sign in, so work given to "các cơ quan, đơn vị" or a typo would be followed
 * by nobody: registration refuses such a unit unless it is kept. Checked again whenever the clerk edits the list.
 */
function unitsCell(path, values, warnings, { label, warnAlso, kept, keptAttr, i, chooseKey, unsettled = new Set(),
  phrases = new Set() }) {
  const units = cell(path, values, warnings, { type: 'lines', label, warnAlso });
  const input = units.querySelector('[data-path]');
  const settle = h('div', { class: 'lead-settle' });
  const check = async () => {
    const typed = lines(input.value);
    const unknown = [];
    for (const unit of typed) if (!(await directoryName(unit))) unknown.push(unit);
    const directory = await unitDirectory();
    settle.replaceChildren(...unknown.map(unit => h('fieldset', { class: 'lead-unknown' },
      // A phrase the server found names units in general: saying it is "not in the directory" would ask for it to be added.
      h('legend', {}, '⚠ ', t(phrases.has(unit) ? 'notices.unitIsPhrase' : 'notices.leadNotInDirectory', { unit })),
      h('select', { 'aria-label': t(chooseKey, { unit }), onchange: e => {
        if (!e.target.value) return;
        input.value = typed.map(u => (u === unit ? e.target.value : u)).join('\n');
        check();
      } }, h('option', { value: '' }, t('notices.chooseUnitOption')), directory.map(u => h('option', { value: u.name }, u.name))),
      // "Giữ nguyên" to the eye, beside the name in the legend; the whole choice to a screen reader. A name registration
      // takes as it is (unsettled) is not asked to be kept.
      unsettled.has(unit) ? '' : h('label', { class: 'keep-lead' }, h('input', { type: 'checkbox', value: unit, [keptAttr]: i,
        'aria-label': t('notices.keepLead', { unit }), checked: kept.has(unit),
        onchange: e => (e.target.checked ? kept.add(unit) : kept.delete(unit)) }), ' ', t('notices.keep')))));
  };
  input.addEventListener('change', check);
  check();
  return [units, settle];
}

/** An item's leads, each outside the directory to be replaced or kept (keptLeads). */
function leadsCell(p, i, item, warnings, phrases) {
  return unitsCell(`${p}.leads`, item.leads?.length ? item.leads : (item.lead ? [item.lead] : []), warnings,
    { label: t('field.leadUnit'), warnAlso: `${p}.lead`, kept: new Set(item.keptLeads || []), keptAttr: 'data-kept-for',
      i, chooseKey: 'notices.chooseUnit', phrases });
}

/**
 * An item's coordinating units, each outside the directory replaced or kept as a lead is (keptCoordinators): they get
 * no assignment, but their staff see the task, and a name no unit has (a typo) hides it from the unit meant. A phrase
 * ("các cơ quan liên quan") names nobody to show it to, and is only offered a unit in its place.
 */
function coordinatorsCell(p, i, item, warnings, generic, phrases) {
  return unitsCell(`${p}.coordinators`, item.coordinators, warnings, { label: t('field.coordinatingUnits'),
    kept: new Set(item.keptCoordinators || []), keptAttr: 'data-kept-coordinator-for', i,
    chooseKey: 'notices.chooseCoordinator', unsettled: generic, phrases });
}

/**
 * The input other units owe the lead, part by part: its units, one a line, where it goes and by when, each read wrong
 * as often as any other field. A unit outside the directory would get a child assignment nobody follows (a phrase,
 * input nobody can be asked for), so it is replaced or kept as a lead is (keptContributors, one list for the item's
 * parts); a phrase naming units in general is only offered a unit in its place. A part whose units are emptied owes
 * nothing (registration skips it).
 */
function contributionsCell(p, i, item, warnings, generic, phrases) {
  const kept = new Set(item.keptContributors || []);
  return (item.contributions || []).map((c, n) => {
    const part = `${p}.contributions[${n}]`;
    return h('div', { class: 'contribution', role: 'group', 'aria-label': t('notices.contributionN', { n: n + 1 }) },
      unitsCell(`${part}.units`, c.units, warnings, { label: t('notices.contributionUnits', { n: n + 1 }),
        kept, keptAttr: 'data-kept-contributor-for', i, chooseKey: 'notices.chooseContributor', unsettled: generic,
        phrases }),
      h('span', { class: 'label' }, t('notices.deliverTo')),
      cell(`${part}.deliverTo`, c.deliverTo, warnings, { label: t('notices.deliverToN', { n: n + 1 }) }),
      h('span', { class: 'label' }, t('field.deadline')),
      cell(`${part}.deadline`, c.deadline, warnings, { type: 'date', label: t('notices.contributionDeadline', { n: n + 1 }) }),
      c.deadlineText ? h('small', { class: 'muted' }, `${t('notices.deadlineText')}: “${c.deadlineText}”`) : '');
  });
}

/**
 * A draft notice gives only its month ("ngày   tháng 11 năm 2020", which the reader's warning says): as soon as the
 * typed issue date falls in another month the page says so, naming both; the server refuses such a date
 * (notice-issued-outside-month).
 */
function monthCheck(issuedMonth) {
  const [year, month] = issuedMonth.split('-').map(Number);
  const note = h('small', { id: 'issued-month', class: 'warning-note', 'aria-live': 'polite' });
  note.check = typed => {
    const iso = parseDate(typed);
    note.textContent = iso && iso.slice(0, 7) !== issuedMonth
      ? '⚠ ' + t('notices.outsideMonth', { date: fmtDate(iso), month: `${month}/${year}` }) : '';
  };
  return note;
}

/** Where a warning points, in the words of the page: "Mục 2 – Hạn hoàn thành", "Số, ký hiệu". */
const FIELD_LABELS = {
  number: 'notices.number', issuer: 'notices.issuer', place: 'notices.place', issuedOn: 'notices.issuedOn',
  meetingOn: 'notices.meetingOn', chair: 'notices.chair', signer: 'notices.signer', invitation: 'notices.invitation',
  title: 'field.title', kind: 'field.kind', lead: 'field.leadUnit', leads: 'field.leadUnit', presentedBy: 'notices.presentedBy',
  coordinators: 'field.coordinatingUnits', deadline: 'field.deadline', submitTo: 'field.route',
  requirements: 'notices.requirements', contributions: 'notices.contributions',
};

function fieldLabel(path, items) {
  const item = /^items\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (item) {
    const which = t('notices.itemN', { n: items[+item[1]]?.ordinal ?? +item[1] + 1 });
    return item[2] && FIELD_LABELS[item[2]] ? `${which} – ${t(FIELD_LABELS[item[2]])}` : which;
  }
  if (path === 'items') return t('notices.items');
  const name = path.replace(/^notice\./, '').split('.')[0];
  return FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : path;
}

/** The reader's warnings after the items moved: to(i) is item i's new place, or null when it is gone. */
function moveWarnings(warnings, to) {
  return (warnings || []).flatMap(w => {
    const m = /^items\[(\d+)\](.*)$/.exec(w.field);
    if (!m) return [w];
    const i = to(+m[1]);
    return i == null ? [] : [{ ...w, field: `items[${i}]${m[2]}` }];
  });
}

const union = (a, b) => [...new Set([...(a || []), ...(b || [])])];

/**
 * The clerk's changes to the list of items, on the reading as corrected so far: the reader may have
 * run two tasks together, cut one in two, taken a paragraph for a task or missed one. Each returns
 * where the items it moved went, for their warnings.
 */
const ITEM_ACTIONS = {
  split(items, i) {
    // The item's text as the notice wrote it, in sentences: the first half stays, the second goes to the new item.
    const item = items[i];
    const text = (item.source || item.title || '').replace(/^\s*(?:\d{1,2}|[IVX]+|[a-zđ])\s*[.)]\s*/, '');
    const parts = text.split(/(?<=[.;])\s+/).filter(Boolean);
    const half = Math.ceil(parts.length / 2);
    const second = { ...structuredClone(item), ordinal: nextOrdinal(items), title: parts.slice(half).join(' '),
      requirements: [], contributions: [] };
    if (parts.length > 1) item.title = parts.slice(0, half).join(' ');
    items.splice(i + 1, 0, second);
    return j => (j <= i ? j : j + 1);
  },
  merge(items, i) {
    const [a, b] = [items[i], items[i + 1]];
    a.title = [a.title, b.title].filter(Boolean).join('; ');
    a.leads = union(a.leads, b.leads);
    a.keptLeads = union(a.keptLeads, b.keptLeads);
    a.keptContributors = union(a.keptContributors, b.keptContributors);
    a.keptCoordinators = union(a.keptCoordinators, b.keptCoordinators);
    a.lead = a.leads[0] ?? null;
    a.coordinators = union(a.coordinators, b.coordinators).filter(c => !a.leads.includes(c));
    a.requirements = [...(a.requirements || []), ...(b.requirements || [])];
    a.submitTo = union(a.submitTo, b.submitTo);
    a.contributions = [...(a.contributions || []), ...(b.contributions || [])];
    if (!a.deadline) [a.deadline, a.deadlineText] = [b.deadline, b.deadlineText];
    items.splice(i + 1, 1);
    return j => (j <= i ? j : j === i + 1 ? i : j - 1);
  },
  remove(items, i) {
    items.splice(i, 1);
    return j => (j < i ? j : j === i ? null : j - 1);
  },
  addPart(items, i) {
    items[i].contributions = [...(items[i].contributions || []),
      { units: [], deliverTo: items[i].leads?.[0] ?? null, deadline: null, deadlineText: null }];
    return j => j;
  },
  add(items) {
    items.push({ ordinal: nextOrdinal(items), kind: 'OTHER', title: '', lead: null, leads: [], coordinators: [],
      contributions: [], deadline: null, deadlineText: null, submitTo: [], requirements: [] });
    return j => j;
  },
};

function nextOrdinal(items) {
  return Math.max(0, ...items.map(i => i.ordinal || 0)) + 1;
}

function editor(reading, key = newKey()) {
  const warnings = warningsByField(reading);
  // The phrases owing input or coordinating that the server said are units in general: recorded as coordinating units,
  // never refused, so the page offers a unit of the directory in their place but does not ask for them to be kept.
  const generic = new Set((reading.warnings || [])
    .filter(w => w.code === 'contribution-unit-generic' || w.code === 'coordinator-generic').map(w => w.params?.unit));
  const phrases = new Set((reading.warnings || []).filter(w => w.code === 'lead-generic' || w.code === 'contribution-unit-generic'
    || w.code === 'coordinator-generic').map(w => w.params?.unit));
  const notice = reading.notice || {};
  const noticeFields = [
    ['number', 'notices.number'], ['issuer', 'notices.issuer'], ['place', 'notices.place'],
    ['issuedOn', 'notices.issuedOn', 'date'], ['meetingOn', 'notices.meetingOn', 'date'],
    ['chair', 'notices.chair'], ['signer', 'notices.signer'],
  ];
  const head = h('div', { class: 'fields notice-fields' }, noticeFields.map(([name, key, type]) =>
    h('div', { class: 'field' }, h('span', { class: 'label' }, t(key)),
      cell(`notice.${name}`, notice[name], warnings, { type, label: t(key) }),
      name === 'issuedOn' && notice.issuedMonth ? monthCheck(notice.issuedMonth) : '')),
  h('div', { class: 'field' }, h('span', { class: 'label' }, t('notices.invitation')),
    cell('notice.invitation.number', notice.invitation?.number, warnings, { label: t('notices.invitation') })));
  const items = reading.items || [];
  const status = h('div', { role: 'status', 'aria-live': 'polite', id: 'confirm-status' });
  const issued = head.querySelector('[data-path="notice.issuedOn"]');
  const checkMonth = () => head.querySelector('#issued-month')?.check(issued.value);
  issued.addEventListener('input', checkMonth);
  checkMonth();
  let box;
  /** The reading as corrected so far, or null (with the first wrong field focused and said) while a field is wrong. */
  const corrected = () => {
    clear(status);
    box.querySelectorAll('[data-refused]').forEach(input => input.removeAttribute('aria-invalid'));
    const read = collect(box, reading);
    if (read.invalid.length) {
      status.append(h('p', { class: 'error fix-fields' }, t('valid.fix')));
      read.invalid[0].focus();
      return null;
    }
    return read.reading;
  };
  /** Applies one of the item actions to the reading as corrected so far and draws the preview again. */
  const change = (action, i) => {
    const next = corrected();
    if (!next) return;
    next.items = next.items || [];
    next.warnings = moveWarnings(next.warnings, ITEM_ACTIONS[action](next.items, i));
    const again = editor(next, key);
    box.replaceWith(again);
    const row = Math.min(i, next.items.length - 1) + 1;
    // A part just added is typed into at once: its units.
    const part = action === 'addPart' ? `[data-path="items[${i}].contributions[${next.items[i].contributions.length - 1}].units"]` : '';
    again.querySelector(part || `#preview-items tbody tr:nth-child(${row}) [data-path]`)?.focus();
  };
  const actionButton = (action, i, label) => h('button', { type: 'button', class: 'secondary small',
    'data-action': action, onclick: () => change(action, i) }, label);
  const rows = items.map((item, i) => {
    const p = `items[${i}]`;
    const doubtedRow = [...warnings.keys()].some(k => k.startsWith(p + '.') || k === p);
    return h('tr', { class: doubtedRow ? 'row-warning' : null },
      h('th', { scope: 'row' }, item.ordinal,
        h('div', { class: 'item-actions', role: 'group', 'aria-label': t('notices.itemActions', { n: item.ordinal }) },
          actionButton('split', i, t('notices.splitItem')),
          i + 1 < items.length ? actionButton('merge', i, t('notices.mergeItem')) : '',
          actionButton('remove', i, t('notices.deleteItem')))),
      h('td', {}, cell(`${p}.kind`, item.kind, warnings, { label: t('field.kind'),
        options: KINDS.map(k => [k, t('kind.' + k)]) })),
      h('td', { class: 'wide-cell' }, cell(`${p}.title`, item.title, warnings, { type: 'longtext', label: t('field.title'), rows: 3 }),
        // The item as the notice writes it: what the reader left out of the title (a second duty, the body a result
        // goes to) is read here against the fields, without opening the file again.
        item.source ? h('details', { class: 'item-source' }, h('summary', {}, t('notices.sourceText')),
          h('p', {}, item.source)) : ''),
      h('td', {}, leadsCell(p, i, item, warnings, phrases),
        // Who presented the draft at the meeting: recorded as the draft's author, and misread as often as the lead.
        h('span', { class: 'label' }, t('notices.presentedBy')),
        cell(`${p}.presentedBy`, item.presentedBy, warnings, { label: t('notices.presentedBy') })),
      h('td', {}, coordinatorsCell(p, i, item, warnings, generic, phrases)),
      h('td', {}, cell(`${p}.deadline`, item.deadline, warnings, { type: 'date', label: t('field.deadline') }),
        item.deadlineText ? h('small', { class: 'muted' }, `${t('notices.deadlineText')}: “${item.deadlineText}”`) : ''),
      h('td', {}, cell(`${p}.submitTo`, item.submitTo, warnings, { type: 'lines', label: t('field.route') })),
      h('td', { class: 'wide-cell' },
        // What the meeting did with the item: a task given, or a presented draft judged. The clerk corrects the reader
        // here; registration records the conclusion (and its requirements as revision points) only for a draft.
        cell(`${p}.verdict`, item.verdict ?? '', warnings, { label: t('notices.verdict'),
          options: VERDICTS.map(v => [v, t('notices.verdict.' + (v || 'TASK'))]) }),
        cell(`${p}.requirements`, item.requirements, warnings, { type: 'lines', label: t('notices.requirements'), rows: 3 })),
      h('td', {}, contributionsCell(p, i, item, warnings, generic, phrases),
        warnings.get(`${p}.contributions`) ? h('small', { class: 'warning-note' }, '⚠ ',
          sentences(warnings.get(`${p}.contributions`))) : '',
        actionButton('addPart', i, t('notices.addContribution'))));
  });
  const confirm = h('button', { type: 'button', id: 'confirm-import' }, t('notices.confirm'));
  box = h('div', { class: 'preview' },
    h('h3', { tabindex: '-1' }, t('notices.previewTitle')),
    reading.registeredBefore ? h('div', { class: 'error', role: 'alert', id: 'registered-before' },
      h('p', {}, t('notices.registeredBefore'), ' ',
        h('a', { href: `/notice.html?id=${encodeURIComponent(reading.registeredBefore.split('/').pop())}` },
          t('notices.openEarlier')))) : '',
    reading.warnings?.length ? h('div', { class: 'warnings', id: 'warnings' }, h('h4', {}, t('notices.warnings')),
      h('ul', {}, reading.warnings.map(w => h('li', {}, h('strong', {}, fieldLabel(w.field, items)), ': ', said(w))))) : '',
    head,
    h('h4', {}, t('notices.items')),
    table(t('notices.items'), [t('notices.ordinal'), t('field.kind'), t('field.title'), t('field.leadUnit'),
      t('field.coordinatingUnits'), t('field.deadline'), t('field.route'), t('notices.verdictAndRequirements'),
      t('notices.contributions')], rows, { id: 'preview-items', class: 'editable' }),
    h('p', { class: 'hint', id: 'route-levels' }, t('notices.routeLevels', { levels: levelNames.join('; ') })),
    h('p', {}, actionButton('add', items.length, t('notices.addItem'))),
    confirm, status);
  confirm.addEventListener('click', async () => {
    const checked = corrected();
    if (!checked) return;
    confirm.disabled = true;
    try {
      const answer = await api('/api/notices', { body: checked, idempotencyKey: key });
      status.append(h('p', { class: 'ok' }, t('notices.registered', { n: answer.assignments?.length ?? '' })));
      location.assign(`/notice.html?id=${encodeURIComponent(answer.id)}`);
    } catch (e) {
      const refusal = errorBox(e, { typedKept: true }); // the corrected table stays as it is
      refusal.append(refusedAt(e, box, checked.items || []));
      status.append(refusal);
      confirm.disabled = false;
    }
  });
  return box;
}

/**
 * An item's refusal said "Một mục chưa có nơi trình ..." and left the clerk to find which of the items: the server
 * names the field to correct ("items[1].submitTo", "notice.issuedOn"), so the page says where ("Mục 2 – Cấp
 * trình") and goes there (an item's field without a cell of its own, to the item's first).
 */
function refusedAt(e, box, items) {
  const field = e?.problem?.field;
  if (!field) return '';
  const item = /^(items\[\d+\])\.(\w+)/.exec(field);
  const path = item ? `${item[1]}.${item[2] === 'lead' ? 'leads' : item[2]}` : field;
  const input = box.querySelector(`[data-path="${field}"]`) || box.querySelector(`[data-path="${path}"]`)
    || (item && box.querySelector(`[data-path^="${item[1]}."]`));
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.dataset.refused = '';
    input.focus();
  }
  return h('p', { class: 'refused-at' }, t('notices.refusedAt', { field: fieldLabel(field, items) }));
}

/** The reading with the person's corrections written back into it (fields not shown stay as read). */
function collect(box, reading) {
  const copy = structuredClone(reading);
  const invalid = [];
  for (const input of box.querySelectorAll('[data-path]')) {
    const path = input.dataset.path;
    const kind = input.dataset.kind;
    let value = input.value;
    if (kind === 'lines') value = lines(value);
    if (kind === 'longtext') value = value.replace(/\s+/g, ' ');
    if (kind === 'date') {
      value = parseDate(value);
      input.setAttribute('aria-invalid', value === undefined ? 'true' : 'false');
      if (value === undefined) { invalid.push(input); continue; }
    }
    if (typeof value === 'string') value = value.trim().normalize('NFC') || null;
    if (Array.isArray(value)) value = value.map(v => v.normalize('NFC'));
    assign(copy, path, value);
  }
  // The leads cell holds every lead; the first is the item's lead. Those outside the directory the clerk ticked are kept.
  (copy.items || []).forEach((item, i) => {
    item.lead = item.leads?.[0] ?? null;
    item.keptLeads = [...box.querySelectorAll(`[data-kept-for="${i}"]:checked`)].map(c => c.value)
      .filter(lead => item.leads?.includes(lead));
    item.keptContributors = [...box.querySelectorAll(`[data-kept-contributor-for="${i}"]:checked`)].map(c => c.value)
      .filter(unit => (item.contributions || []).some(c => c.units?.includes(unit)));
    item.keptCoordinators = [...box.querySelectorAll(`[data-kept-coordinator-for="${i}"]:checked`)].map(c => c.value)
      .filter(unit => item.coordinators?.includes(unit));
  });
  return { reading: copy, invalid };
}

/** Sets "items[0].lead", "items[0].contributions[1].units" or "notice.invitation.number" in a plain object. */
function assign(target, path, value) {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = node[key] ?? {};
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}
