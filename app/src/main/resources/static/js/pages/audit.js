// The audit log: every event, newest first, with who, what, when it was recorded and when it took
// effect, filterable; and the integrity check's verdict where the server offers one.
import { api, ApiError } from '../api.js';
import { h, clear } from '../dom.js';
import { t, known, lang, fmtDate, fmtDateTime, fmtFileKind } from '../i18n.js';
import { start, section, table, errorBox, unitList, unitName, pager, pageCount, pastEnd, noticeName } from '../layout.js';
import { field, filterForm } from '../forms.js';

const SIZE = 50;
/** How many tasks whose titles match are offered to pick from. */
const CHOICES = 20;
/** A task's id or its first characters, as GET /api/audit takes them (AuditController); anything else is a title's words. */
const ID_OR_PREFIX = /^[0-9a-f]{4}[0-9a-f-]{0,32}$/;

/**
 * The kinds of event the log may be filtered by (GET /api/audit?type=, AuditIndex.TYPES), in the order of a task's path,
 * then notices, people and refusals.
 */
const TYPES = ['TaskAssigned', 'DraftSubmitted', 'RevisionRequested', 'RevisionPointsAnswered', 'DraftApproved',
  'DocumentIssued', 'DeadlineExtended', 'TaskReassigned', 'TaskCancelled', 'MeetingConcluded', 'ReminderSent',
  'DeadlineMissed', 'ExtensionRequested', 'ExtensionRejected', 'ExtensionRequestLapsed', 'NoticeRegistered',
  'NoticeNumbered', 'NoticeNumberCorrected', 'UserRegistered', 'UserRoleChanged', 'UserUnitChanged',
  'ApprovalLevelGranted', 'ApprovalLevelWithdrawn', 'UserDisabled', 'UserEnabled', 'PasswordReset',
  'AccessTokenIssued', 'AccessTokenRevoked', 'AccessDenied'];

/** A kind's name on the select: a first deadline is set by the same event as an extension, so it names both. */
function typeName(type) {
  return type === 'DeadlineExtended' ? `${t('event.DeadlineExtended')} / ${t('event.DeadlineSet')}` : t('event.' + type);
}

start('audit', 'audit.title', async (main, me) => {
  const query = new URLSearchParams(location.search);
  const page = Math.max(0, Number(query.get('page')) || 0);
  const unit = await unitName(query.get('unit'));
  const filters = [
    // An inspector knows a task by its title more often than by its id: words of it name the tasks to pick from.
    field({ name: 'assignment', label: t('audit.task'), value: query.get('assignment'), hint: t('audit.taskHint') }),
    field({ name: 'actor', label: t('field.actor'), value: query.get('actor') }),
    // The unit of the person who acted, not of the assignment: a unit's own work is found by its assignments' ids.
    field({ name: 'unit', label: t('audit.unit'), value: unit, list: 'units' }),
    field({ name: 'type', label: t('audit.type'), type: 'select', value: query.get('type') || '',
      options: [['', t('audit.anyType')], ...TYPES.map(type => [type, typeName(type)])] }),
    // The log is filtered by the day an event was recorded, while its table shows that and the day it took effect
    // (a step recorded late, a meeting's history): an inspector looking for November must know which one.
    field({ name: 'from', label: t('audit.from'), type: 'date', value: fmtDate(query.get('from')), hint: t('audit.datesHint') }),
    field({ name: 'to', label: t('audit.to'), type: 'date', value: fmtDate(query.get('to')), notBefore: 'from' }),
    field({ name: 'effectiveFrom', label: t('audit.effectiveFrom'), type: 'date', value: fmtDate(query.get('effectiveFrom')),
      hint: t('audit.effectiveHint') }),
    field({ name: 'effectiveTo', label: t('audit.effectiveTo'), type: 'date', value: fmtDate(query.get('effectiveTo')),
      notBefore: 'effectiveFrom' }),
  ];
  const form = filterForm('audit-filters', filters, '/audit.html');

  const apiQuery = new URLSearchParams();
  for (const key of ['actor', 'type', 'from', 'to', 'effectiveFrom', 'effectiveTo']) {
    if (query.get(key)) apiQuery.set(key, query.get(key));
  }
  if (unit) apiQuery.set('unit', unit);
  apiQuery.set('page', page);
  apiQuery.set('size', SIZE);
  let log;
  let units;
  let task;
  try {
    [task, units] = await Promise.all([taskTyped(query.get('assignment')), unitList(me)]);
    if (task.id) apiQuery.set('assignment', task.id);
    // Words that name no task, or several: the tasks to pick from, not the log of some other filter.
    if (task.matches) {
      clear(main, h('h1', {}, t('audit.title')), units, form, choices(task, query));
      return;
    }
    log = await api('/api/audit?' + apiQuery);
  } catch (e) {
    clear(main, h('h1', {}, t('audit.title')), form, errorBox(e));
    return;
  }
  // The check walks the whole store, and waits for a write still in flight: the log shows at once, the verdict
  // when it comes. Only for those the server lets verify: anyone else would meet a refusal, recorded as one.
  let verdict = '';
  if (me.mayVerify) {
    verdict = h('div', { 'aria-live': 'polite' },
      section(t('audit.integrity'), h('p', { class: 'muted', id: 'integrity-pending' }, t('audit.checking'))));
    integrity().then(result => verdict.replaceChildren(result));
  }
  // An empty table said nothing; with dates, the likeliest reason is the day they filter by.
  // A page past the end (a link kept from when the log or its filter held more) says so; its pager leads to the last.
  const none = log.total === 0 ? h('p', { class: 'muted', id: 'audit-none' },
    t(query.get('from') || query.get('to') ? 'audit.noneRecorded' : 'audit.none'))
    : pastEnd(page, log.total, SIZE) && h('p', { class: 'muted', id: 'audit-none' },
      t('audit.pastEnd', { pages: pageCount(log.total, SIZE) }));
  // Printed as an inspection's appendix, the log kept only "▶ Chi tiết" of each entry: what it recorded (versions,
  // reasons, decisions, files' SHA-256) is unfolded for the paper, by this button or the browser's own print.
  addEventListener('beforeprint', () => main.querySelectorAll('#audit-log details').forEach(d => { d.open = true; }));
  clear(main,
    h('h1', {}, t('audit.title')),
    verdict,
    units,
    form,
    task.title ? h('p', { id: 'audit-task' }, t('audit.taskNamed', { words: task.words, title: task.title })) : '',
    // No table under the sentence that says why there is no row.
    none || table(t('audit.title'), [t('audit.when'), t('audit.effective'), t('audit.what'), t('audit.who'), t('audit.assignment'),
      t('audit.command'), t('audit.details')], log.items.map(e => h('tr', {},
      h('td', { class: 'nowrap' }, fmtDateTime(e.recordedAt)),
      h('td', { class: 'nowrap' }, fmtDate(e.effectiveDate)),
      h('td', { 'data-event': e.assignmentId ? `${e.assignmentId}#${e.sequence}` : null }, t(eventName(e))),
      h('td', {}, e.actor ? [h('strong', {}, e.actor.name || e.actor.id), h('br'),
        h('span', { class: 'muted' }, [e.actor.unit, t('role.' + e.actor.role)].filter(Boolean).join(' · '))] : ''),
      // On a phone each row says which of the two it names.
      h('td', { 'data-label': t(!e.assignmentId && e.payload?.noticeId ? 'audit.rowDocument' : 'audit.rowTask') },
        e.assignmentId ? [h('a', { href: `/assignment.html?id=${e.assignmentId}` }, e.assignmentTitle || e.assignmentId.slice(0, 8)),
        ' ', h('code', { class: 'muted', title: e.assignmentId }, e.assignmentId.slice(0, 8))] : noticeOf(e)),
      h('td', {}, h('code', { title: e.commandId || '' }, (e.commandId || '').slice(0, 8))),
      h('td', { class: 'details' }, payload(e.payload)))), { id: 'audit-log' }),
    pager({ page, size: SIZE, total: log.total, query }),
    // Below the log, where the reading ends: on a phone the log's first entry stays on the first screen.
    log.items.length > 0 ? h('p', { class: 'no-print' },
      h('button', { type: 'button', id: 'print-log', onclick: () => window.print() }, t('audit.print')), ' ',
      // Every page of the log as filtered, not only this one; in the reader's language (GET /api/audit.csv).
      h('a', { href: '/api/audit.csv?' + csvQuery(apiQuery), id: 'audit-csv', class: 'button-link', download: '' },
        t('audit.csv'))) : '');
});

/**
 * The notice a notice's step concerns (registered, numbered, its number corrected), by its number as the notices' pages
 * name it: the row said "Đăng ký thông báo kết luận" and which notice only under "Chi tiết", as a notice id.
 */
function noticeOf(e) {
  const id = e.payload && e.payload.noticeId;
  if (!id) return '';
  const number = e.payload.number || (e.payload.notice && e.payload.notice.number);
  const name = noticeName({ number, documentType: e.documentType });
  // The number on one line: broken at its hyphen in the narrow column ("324/TB-" above "UBND") it read as two.
  const at = number ? name.lastIndexOf(number) : -1;
  return h('a', { href: `/notice.html?id=${encodeURIComponent(id)}`, class: 'notice-link' }, at < 0 ? name
    : [name.slice(0, at), h('span', { class: 'nowrap' }, number), name.slice(at + number.length)]);
}

/** The page's filters without its paging, for the whole log as filtered. */
function csvQuery(apiQuery) {
  const q = new URLSearchParams(apiQuery);
  q.delete('page');
  q.delete('size');
  if (lang() === 'en') q.set('lang', 'en');
  return q;
}

/**
 * The task the assignment filter names: {id} for an id or its first characters, as typed; for words of a title, the
 * one task they name ({id, title, words}), or else the tasks they name, as many as are offered ({matches, total,
 * words}): those the person may see, found as the search finds them (GET /api/assignments?q=, with or without tone marks).
 */
async function taskTyped(typed) {
  const words = (typed || '').trim();
  if (!words) return {};
  // Digits alone may be a year of a title ("2021") as well as an id's first characters: the titles are asked first.
  const id = ID_OR_PREFIX.test(words.toLowerCase());
  if (id && !/^\d+$/.test(words)) return { id: words };
  const found = await api('/api/assignments?' + new URLSearchParams({ q: words, size: CHOICES }));
  if (found.total === 0 && id) return { id: words };
  if (found.total === 1) return { id: found.items[0].id, title: found.items[0].title, words };
  return { matches: found.items, total: found.total, words };
}

/** The tasks the words name, each leading to its own log under the other filters kept. */
function choices(task, query) {
  if (task.total === 0) return h('p', { class: 'muted', id: 'audit-none' }, t('audit.noTask', { words: task.words }));
  const href = id => {
    const next = new URLSearchParams(query);
    next.set('assignment', id);
    next.delete('page');
    return '/audit.html?' + next;
  };
  return section(t('audit.tasksNamed', { words: task.words, n: task.total }),
    h('ul', { id: 'task-choices' }, task.matches.map(a => h('li', {},
      h('a', { href: href(a.id) }, a.title), ' ', h('code', { class: 'muted', title: a.id }, a.id.slice(0, 8))))),
    task.total > task.matches.length ? h('p', { class: 'muted' }, t('audit.moreTasks', { more: task.total - task.matches.length })) : '');
}

/**
 * What happened, in words. An assignment the notice gave no calendar date gets its first deadline through the same
 * event as an extension (DeadlineExtended with no previous deadline): it reads as set, not extended.
 */
function eventName(e) {
  return e.type === 'DeadlineExtended' && e.payload && !e.payload.previousDeadline ? 'event.DeadlineSet' : 'event.' + e.type;
}

/** The event's own fields, folded away: the log stays one line per event. */
function payload(fields) {
  if (!fields) return '';
  // A refusal's reason is the server's English detail: the rule's own words stand in for it when the web app has them.
  const ruleSaid = fields.rule && known('problem.' + fields.rule);
  const shown = Object.entries(fields).filter(([key, value]) => key !== 'assignmentId' && !blank(value)
    && !(key === 'reason' && ruleSaid) && key !== 'reasonFromRequest');
  // A leader who granted a request without a reason of their own did not write the one the grant carries: the unit
  // did, when asking. Named under the leader as "Lý do", it read as the leader's.
  const unitsReason = key => key === 'reason' && fields.reasonFromRequest === true;
  return h('details', {}, h('summary', {}, t('audit.details')),
    h('dl', { class: 'payload' }, shown.map(([key, value]) => unitsReason(key)
      ? [h('dt', {}, t('audit.field.requestReason')),
        h('dd', { class: 'units-reason' }, readable(value, key), ' ', h('span', { class: 'muted' }, t('audit.leaderGaveNone')))]
      : [h('dt', {}, fieldName(key)), h('dd', {}, readable(value, key))])));
}

/** Nothing to show: no value, an empty list, or a record with nothing in it (a notice that names no invitation). */
function blank(value) {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.values(value).every(blank);
}

/** A field's name in the person's language; the event's own name only for a field the web app does not know. */
function fieldName(key) {
  return known('audit.field.' + key) ? t('audit.field.' + key) : known('field.' + key) ? t('field.' + key) : key;
}

/**
 * Names Docket shows for its upper-case values (roles, kinds, statuses, answers, a meeting's verdicts, steps), in that
 * order: a meeting's REVISION_REQUIRED is no step's name, and its APPROVED_IN_PRINCIPLE reads as the verdict it is. The
 * audit CSV writes them alike (AuditWords.VALUES_VI, held equal by AuditWordsTest).
 */
const VALUE_NAMES = ['role', 'kind', 'status', 'points.answer', 'notices.verdict', 'step'];

/** A value as a person reads it: dates d/M/yyyy, months M/yyyy, Docket's codes and refused rules in words, lists and records on one line. */
function readable(value, key) {
  if (Array.isArray(value)) return value.map(v => readable(v, key)).join('; ');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  // A revision point as the pages write it, "1.1 Bổ sung lộ trình": its id, number and text as three fields read as a
  // structure, not as the point the inspector looks for.
  if (key === 'points' && value && typeof value === 'object' && 'id' in value && 'text' in value) return `${value.id} ${value.text}`;
  if (typeof value === 'object') {
    return Object.entries(value).filter(([, v]) => !blank(v)).map(([k, v]) => `${fieldName(k)}: ${readable(v, k)}`).join(' · ');
  }
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return fmtDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return fmtDateTime(text);
  // A draft notice's month (issuedMonth, "2020-11"), as the notices write it: 11/2020.
  if (/^\d{4}-\d{2}$/.test(text)) return `${+text.slice(5)}/${text.slice(0, 4)}`;
  if (key === 'rule' && known('problem.' + text)) return t('problem.' + text);
  if (key === 'mediaType') return fmtFileKind(text);
  // Why an extension request lapsed, as the plan path says it (REASSIGNED is no step here: it names no unit).
  if (key === 'why' && known('extensionLapsed.' + text)) return t('extensionLapsed.' + text);
  // Who sent a reminder (ReminderSent.kind): "MANUAL" told an inspector nothing.
  if (key === 'kind' && known('reminder.kind.' + text)) return t('reminder.kind.' + text);
  if (/^[A-Z][A-Z_]+$/.test(text)) {
    const prefix = VALUE_NAMES.find(p => known(`${p}.${text}`));
    if (prefix) return t(`${prefix}.${text}`);
  }
  return text;
}

/**
 * GET /api/audit/verify answers where the tamper-evident store exists; without it (404) the section
 * stays away rather than claim a check that was not made.
 */
async function integrity() {
  let result;
  try {
    result = await api('/api/audit/verify');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return '';
    return section(t('audit.integrity'), errorBox(e));
  }
  const count = n => new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN').format(n ?? 0);
  if (result.intact) {
    return section(t('audit.integrity'), h('div', { class: 'ok integrity', id: 'integrity' },
      h('p', {}, h('strong', {}, t('audit.intact', { n: count(result.eventsChecked) }))),
      result.lastCheckpointHash ? h('p', { class: 'muted' }, t('audit.checkpoint', { hash: result.lastCheckpointHash })) : ''));
  }
  const problems = result.problems || [];
  // The check knows a task by its id alone, and the log shows no event's number: the inspector was left with a UUID
  // to copy into the filter, and no way to tell which entry it meant. Each task is named as the log names it, and
  // leads to its own log, where the entry found wrong is marked.
  const titles = await taskTitles(problems);
  for (const p of problems) {
    const entry = p.assignment && document.querySelector(`#audit-log td[data-event="${CSS.escape(`${p.assignment}#${p.sequence}`)}"]`);
    if (entry) entry.append(h('br'), h('strong', { class: 'tampered' }, t('audit.flagged', { what: t('audit.kind.' + p.problem) })));
  }
  return section(t('audit.integrity'), h('div', { class: 'error integrity', id: 'integrity' },
    h('p', {}, h('strong', {}, t('audit.broken',
      { n: count(result.problemsFound), checked: count(result.eventsChecked), upTo: count(result.upTo) }))),
    h('ul', { id: 'integrity-problems' }, problems.map(p => h('li', { title: p.detail || '' },
      p.assignment ? problemAt(p, titles.get(p.assignment)) : t('audit.problem', { position: p.position }),
      ': ' + t('audit.kind.' + p.problem)))),
    result.capped ? h('p', {}, t('audit.capped', { listed: count(problems.length) })) : ''));
}

/** "Vị trí 37, nhiệm vụ <its title, a link to its log>, sự kiện số 2", the link where the sentence puts the task. */
function problemAt(p, title) {
  const [before, after] = t('audit.problemTask', { position: p.position, task: '\u0000', sequence: p.sequence }).split('\u0000');
  return [before, h('a', { href: `/audit.html?assignment=${encodeURIComponent(p.assignment)}`, title: p.assignment },
    title || p.assignment), after];
}

/** The titles of the tasks the problems name, by id; an id that names no task (a notice's, a user's) keeps no title. */
async function taskTitles(problems) {
  const ids = [...new Set(problems.map(p => p.assignment).filter(Boolean))];
  const found = await Promise.all(ids.map(id => api(`/api/assignments/${encodeURIComponent(id)}`).then(a => a.title, () => null)));
  return new Map(ids.map((id, i) => [id, found[i]]));
}
