// One assignment: its facts, the plan path as a timeline (drafts, revision rounds with their reasons,
// approvals per level, extensions with the original deadline, issuance), the figures a leader asks
// about, and the actions the signed-in person may take now, each a form.
import { api, ApiError } from '../api.js';
import { h, clear, assignmentParam } from '../dom.js';
import { t, fmtDate, fmtDateTime } from '../i18n.js';
import { start, section, statusBadge, timelinessBadge, deadlineText, sourceText, errorBox, KINDS, unitList, unitField } from '../layout.js';
import { planPathChart } from '../charts.js';
import { field, commandForm, lines, retype } from '../forms.js';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Read models follow the events a moment later: wait for the change, then draw again. */
async function load(id, until = () => true, attempts = 40) {
  for (let attempt = 0; ; attempt++) {
    try {
      const [assignment, path] = await Promise.all([api(`/api/assignments/${id}`), api(`/api/assignments/${id}/path`)]);
      if (until(assignment, path) || attempt >= attempts) {
        // What this person may do now is the assignment's own answer (the rules its commands are judged by).
        return { assignment, path, allowed: await api(`/api/assignments/${id}/actions`) };
      }
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404) || attempt >= 40) throw e;
    }
    await sleep(250);
  }
}

start('assignments', 'detail.title', async (main, me, setTitle) => {
  const id = assignmentParam();
  if (!id) {
    clear(main, h('p', { class: 'error' }, t('detail.notFound')));
    return;
  }
  const units = await unitList(me);
  // kept: a command refused with 409 (the assignment changed meanwhile), the form's id and what was typed in it.
  const render = async ({ assignment, path, allowed }, kept) => {
    setTitle(assignment.title);
    // Two read models follow the command: the path gains a step and the assignment itself changes.
    const stepsBefore = path.steps.length;
    const before = JSON.stringify(assignment);
    // The revision points come from a third (the revision statistics), which can follow later still.
    const pointsBefore = JSON.stringify(path.points || []);
    // A command may add more than one step (a draft with its answers adds two): wait for all of them, and for the
    // points when it raises, reopens or answers some.
    const after = async (answer, values, steps = 1, points = false) => render(await load(id,
      (a, p) => p.steps.length >= stepsBefore + steps && JSON.stringify(a) !== before
        && (!points || JSON.stringify(p.points || []) !== pointsBefore)));
    // The step that made the page stale may be a moment from the read models: wait for them to differ from the page
    // (a few seconds at most: a refusal that changed nothing is drawn as it is).
    const conflict = formId => async (error, typed) => render(await load(id,
      (a, p) => JSON.stringify(a) !== before || p.steps.length !== stepsBefore, 12),
    { formId, typed, error, read: assignment.currentVersion });
    clear(main,
      h('p', { class: 'crumbs' }, h('a', { href: '/assignments.html' }, t('nav.assignments')), ' · ',
        h('a', { href: `/audit.html?assignment=${assignment.id}`, id: 'audit-trail' }, t('detail.auditTrail'))),
      h('h1', { id: 'assignment-title' }, assignment.title),
      units,
      facts(assignment),
      figures(assignment, path),
      section(t('detail.path'), planPathChart(path, assignment), stepList(path)),
      path.points?.length ? section(t('points.title'), pointList(path.points)) : '',
      reminderSection(assignment, path),
      section(t('detail.actions'), actions(me, assignment, path, allowed, after, conflict)));
    if (kept) showConflict(main, kept, assignment);
  };
  try {
    await render(await load(id));
  } catch (e) {
    clear(main, e.status === 404 ? h('p', { class: 'error' }, t('detail.notFound')) : errorBox(e));
  }
});

function facts(a) {
  const route = h('ol', { class: 'route' }, a.approvalRoute.map((name, i) =>
    h('li', { class: i < (a.approvedLevels || []).length ? 'approved' : '' },
      i < (a.approvedLevels || []).length ? '✓ ' : '', name)));
  const row = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
  return h('dl', { class: 'facts', id: 'facts' },
    row(t('field.status'), statusBadge(a.status), ' ', timelinessBadge(a.timeliness),
      a.daysOverdue ? h('span', { class: 'overdue-days' }, ' ', t('days', { n: a.daysOverdue })) : ''),
    row(t('field.kind'), KINDS.includes(a.kind) ? t('kind.' + a.kind) : a.kind),
    row(t('field.leadUnit'), h('span', { id: 'lead-unit' }, a.leadUnit)),
    a.coordinatingUnits?.length ? row(t('field.coordinatingUnits'), a.coordinatingUnits.join('; ')) : [],
    row(t('field.deadline'), h('span', { id: 'deadline' }, deadlineText(a))),
    row(t('field.route'), route),
    a.pendingExtension ? row(t('field.pendingExtension'), pendingExtensionText(a)) : [],
    a.currentVersion ? row(t('field.version'), `v${a.currentVersion}`) : [],
    a.source ? row(t('field.source'), sourceText(a.source)) : [],
    a.parentId ? row(t('field.parent'), h('a', { href: `/assignment.html?id=${a.parentId}` }, t('detail.openParent'))) : [],
    a.documentNumber ? row(t('field.document'), `${a.documentNumber}${a.issuedOn ? ' – ' + fmtDate(a.issuedOn) : ''}`) : []);
}

/** "(12 ngày)", or "(hôm nay)" for work handed over or handed in today: "(0 ngày)" read as nothing at all. */
const dayCount = n => (n === 0 ? t('days.zero') : t('days', { n }));

function figures(a, path) {
  const current = path.periods.find(p => p.open);
  let now = t('detail.now.closed');
  if (current && current.holder === 'UNIT') {
    // A reassignment leaves the work with a unit, but another one: the lead named has had it since it was handed over,
    // not since the period opened ("Phòng Quản lý đô thị, từ 25/11 (12 ngày)" for a unit given it that day).
    const handedOver = path.steps.filter(s => s.type === 'REASSIGNED' && s.effectiveDate > current.from)
      .map(s => s.effectiveDate).sort().pop();
    const since = handedOver || current.from;
    const days = current.days - Math.round((Date.parse(since) - Date.parse(current.from)) / 86400000);
    now = t('detail.now.unit', { unit: a.leadUnit, date: fmtDate(since), days: dayCount(days) });
  } else if (current) {
    now = t('detail.now.review', { level: a.awaitingLevel || '', date: fmtDate(current.from), days: dayCount(current.days) });
  }
  const figure = (id, label, value) => h('div', { class: 'figure', id },
    h('span', { class: 'value' }, value), h('span', { class: 'label' }, label));
  return h('section', { class: 'figures', 'aria-label': t('detail.figures') },
    figure('rounds', t('detail.rounds'), path.revisionRounds),
    figure('days-with-unit', t('detail.daysWithUnit'), path.daysWithUnit),
    figure('days-awaiting-review', t('detail.daysAwaitingReview'), path.daysAwaitingReview),
    h('p', { class: 'now', id: 'now' }, h('strong', {}, t('detail.now'), ': '), now));
}

function stepTitle(step) {
  const d = step.details || {};
  switch (step.type) {
    case 'DRAFT_SUBMITTED': return t('step.DRAFT_SUBMITTED', { version: step.version });
    case 'POINTS_ANSWERED': return t('step.POINTS_ANSWERED', { version: step.version });
    case 'REVISION_REQUESTED': return t('step.REVISION_REQUESTED', { round: step.round });
    case 'APPROVED': return t('step.APPROVED', { level: step.level, version: step.version });
    case 'ISSUED': return t('step.ISSUED', { number: d.documentNumber || '' });
    case 'DEADLINE_EXTENDED':
      return t(d.previousDeadline ? 'step.DEADLINE_EXTENDED' : 'step.DEADLINE_SET', { date: fmtDate(d.deadline) });
    case 'REASSIGNED': return t('step.REASSIGNED', { unit: d.leadUnit || '' });
    case 'REMINDER_SENT': case 'DEADLINE_MISSED': return t('step.' + step.type, { unit: d.chasedUnit || '' });
    case 'EXTENSION_REQUESTED': case 'EXTENSION_REJECTED':
      return t('step.' + step.type, { date: fmtDate(d.requestedDeadline) });
    case 'EXTENSION_LAPSED':
      return t('step.EXTENSION_LAPSED', { date: fmtDate(d.requestedDeadline), unit: d.requestingUnit || '' });
    default: return t('step.' + step.type);
  }
}

function stepList(path) {
  let asked = null; // the unit's extension request still open at this step: any extension settles it (Deadline)
  return h('ol', { class: 'timeline', id: 'steps', 'aria-label': t('detail.steps') }, path.steps.map(step => {
    const d = step.details || {};
    const actor = step.actor || {};
    const extra = [];
    // The grant of a request may give less time than asked, and carries the unit's reason when the leader gave none
    // of their own: both said, it does not read as the leader's reason for the date the unit wanted. The grant says
    // so itself (reasonFromRequest); one recorded before it did is judged by the words of the request it settled.
    let unitsReason = d.reasonFromRequest === true;
    if (step.type === 'DEADLINE_EXTENDED' && asked) {
      if (asked.date !== d.deadline) extra.push(t('detail.askedFor', { date: fmtDate(asked.date) }));
      if (d.reasonFromRequest == null) unitsReason = step.reasons?.length === 1 && step.reasons[0] === asked.reason;
    }
    if (step.type === 'EXTENSION_REQUESTED') asked = { date: d.requestedDeadline, reason: step.reasons?.[0] };
    else if (['DEADLINE_EXTENDED', 'EXTENSION_REJECTED', 'EXTENSION_LAPSED'].includes(step.type)) asked = null;
    if (step.type === 'ASSIGNED' && d.deadline) extra.push(`${t('field.deadline')}: ${fmtDate(d.deadline)}`);
    if (step.type === 'DRAFT_SUBMITTED') {
      extra.push(documentName(d));
      if (d.file) {
        extra.push(h('a', { href: `/draft.html?id=${path.assignmentId}&v=${step.version}`, class: 'open-draft' },
          t('detail.readDraft', { version: step.version })));
        // The leader judging v2 reads what changed beside the answers, from where the version is handed in.
        if (step.version > 1) {
          extra.push(h('a', { href: `/changes.html?id=${path.assignmentId}&v=${step.version}`, class: 'open-changes' },
            t('draft.changes', { from: step.version - 1 })));
        }
        extra.push(h('a', { href: `/api/assignments/${path.assignmentId}/drafts/${step.version}/file`, download: '' },
          t('draft.download')));
      }
      if (d.documentUrl) extra.push(h('a', { href: d.documentUrl, rel: 'noopener noreferrer' }, t('detail.openDocument')));
    }
    if (step.type === 'ISSUED' && d.file) {
      extra.push(documentName(d));
      extra.push(h('a', { href: `/api/assignments/${path.assignmentId}/issuance/file`, download: '', class: 'issued-file' },
        t('detail.downloadIssued')));
    }
    // Which version went back, from which level, and under which decision when an outside body or a meeting sent it
    // back: the title gives only the round, and a clerk named as the one who recorded it read as the one who decided.
    if (step.type === 'REVISION_REQUESTED') {
      extra.push(t(step.level ? 'detail.sentBack' : 'detail.sentBackVersion', { version: step.version, level: step.level }));
    }
    if (step.type === 'REVISION_REQUESTED' && d.dueDate) extra.push(`${t('field.dueDate')}: ${fmtDate(d.dueDate)}`);
    if (step.type === 'EXTENSION_LAPSED' && d.why) extra.push(t('extensionLapsed.' + d.why));
    if (step.type === 'APPROVED' && d.finalApproval) extra.push(t('detail.final'));
    if ((step.type === 'APPROVED' || step.type === 'REVISION_REQUESTED') && d.decision) {
      extra.push(t('detail.decision', { number: d.decision.number, date: fmtDate(d.decision.date) }));
    }
    if (step.type === 'DEADLINE_EXTENDED' && d.previousDeadline) {
      extra.push(h('span', { class: 'original' }, t('detail.previousDeadline', { date: fmtDate(d.previousDeadline) })));
    }
    if (d.roleSince) {
      extra.push(h('span', { class: 'role-since' }, t(d.roleGrantedBy ? 'detail.roleSince' : 'detail.roleGranted',
        { role: t('role.' + actor.role), date: fmtDate(d.roleSince), by: d.roleGrantedBy })));
    }
    // A clerk hands in nothing of her own: a draft or an extension request she records is the unit's, handed in on
    // paper. Named as its author, she read as the one who wrote the unit's draft.
    const onPaper = actor.role === 'CLERK' && (step.type === 'DRAFT_SUBMITTED' || step.type === 'EXTENSION_REQUESTED');
    if (onPaper) extra.unshift(t('detail.onPaper'));
    if (d.note) extra.push(`${t('field.note')}: ${d.note}`);
    return h('li', { class: `step step-${step.type}` },
      h('div', { class: 'when' }, h('time', { datetime: step.effectiveDate }, fmtDate(step.effectiveDate))),
      h('div', { class: 'what' },
        h('strong', { class: 'step-title' }, stepTitle(step)),
        // A step citing a decision made outside Docket (an outside body's, a meeting's notice) was decided there: the
        // person named only recorded it.
        h('div', { class: 'who' }, t(d.decision || onPaper ? 'detail.recordedBy' : 'detail.by', { name: actor.name || actor.id || '',
          unit: actor.unit || t('noUnit'), role: t('role.' + actor.role) })),
        extra.length ? h('div', { class: 'extra' }, extra.map((x, i) => [i ? ' · ' : '', x])) : '',
        unitsReason ? h('p', { class: 'reasons units-reason' }, t('detail.unitsReason', { reason: step.reasons[0] }))
          : reasonList(step),
        d.reopenedPoints?.length ? h('p', { class: 'reopened' }, d.reopenedPoints.map(id => t('points.reopen', { id })).join(' · ')) : '',
        step.type === 'POINTS_ANSWERED' ? h('ul', { class: 'answers' }, (d.answers || []).map(x =>
          h('li', {}, h('strong', {}, `${x.point} – ${t('points.answer.' + x.answer)}: `), x.note))) : '',
        h('div', { class: 'recorded muted' }, t('detail.recorded', { time: fmtDateTime(step.recordedAt) }))));
  }));
}

/**
 * A handed-in document by its file's name, which a clerk knows it by. Its SHA-256 means nothing to her: it stays in
 * the tooltip for an inspector, and on the audit page, which checks it.
 */
function documentName(d) {
  if (!d.documentName) return '';
  return h('span', { class: 'document-name', title: d.documentSha256 ? `SHA-256 ${d.documentSha256}` : null }, d.documentName);
}

/** A step's reasons; revision points carry their ids ("1.2"), as the answers name them. */
function reasonList(step) {
  const points = step.details?.points;
  if (points?.length) {
    return h('ul', { class: 'reasons' }, points.map(p => h('li', {}, h('strong', {}, p.id + ' '), p.text)));
  }
  return step.reasons?.length ? h('ul', { class: 'reasons' }, step.reasons.map(r => h('li', {}, r))) : '';
}

/** Each revision point: raised when, by whom, at which level; answered in which version, how; closed or reopened. */
function pointList(points) {
  return h('ol', { class: 'points', id: 'points' }, points.map(p => {
    const by = p.raisedBy || {};
    return h('li', { class: `point point-${p.status}`, 'data-point': p.id },
      h('div', { class: 'point-head' }, h('strong', {}, p.id), ' ',
        h('span', { class: `badge point-status status-${p.status}` }, t('points.status.' + p.status))),
      h('p', { class: 'point-text' }, p.text),
      h('p', { class: 'muted' }, t('points.raised', { date: fmtDate(p.raisedOn), name: by.name || by.id || '', level: p.level || '' })),
      p.answer ? h('p', { class: 'point-answer' }, h('strong', {}, t('points.answer.' + p.answer)), ' ',
        t('points.answeredIn', { version: p.answeredInVersion }), ': ', p.note) : '',
      p.reopenedOn ? h('p', { class: 'muted' }, t('points.status.REOPENED'), ' ', fmtDate(p.reopenedOn)) : '');
  }));
}

/** The points the next draft answers: raised or reopened and not answered since. */
function openPoints(path) {
  return (path.points || []).filter(p => p.status === 'OPEN' || p.status === 'REOPENED');
}

/** A decision always names the version the person had in front of them (a stale page gets 409 stale-draft). */
function judging(a, form) {
  return h('div', {}, h('p', { class: 'judging', id: `judging-${form.id}` }, t('action.judging', { version: a.currentVersion })), form);
}

/** An outside body's decision, which a clerk cites when recording that it approved or sent a draft back. */
function decisionFields() {
  return [field({ name: 'decisionNumber', label: t('field.decisionNumber'), required: true }),
    field({ name: 'decisionDate', label: t('field.decisionDate'), type: 'date', required: true, notFuture: true })];
}

/** Why a deadline moves, a unit changes or the work stops. */
const reason = (required = true) => field({ name: 'reason', label: t('field.reason'), type: 'textarea', required, wide: true, rows: 2 });

/** A new deadline falls after the current one. */
const laterThanDeadline = (a, date) => (a.deadline && date && date <= a.deadline
  ? [['newDeadline', t('valid.later', { date: fmtDate(a.deadline) })]] : []);

/** outside: the step records an outside body's decision, which the server dates on that decision when left empty. */
function effective(outside = false) {
  return field({ name: 'effectiveDate', label: t('field.effectiveDate'), type: 'date', notFuture: true,
    hint: t(outside ? 'field.effectiveDate.outsideHint' : 'field.effectiveDate.hint') });
}

/** Whether the configuration (/api/me) marks a level as a body outside the Committee, whose decision a clerk records. */
const outsideBody = (me, name) => me.approvalLevels.some(l => l.outsideBody
  && l.name.toLocaleLowerCase('vi') === (name || '').toLocaleLowerCase('vi'));

/**
 * After a 409 the page is drawn as the assignment is now. The same form, if the person may still use it, is open
 * again with what they typed and the refusal under it (it now names the current version); otherwise the refusal
 * stands above the actions there are. What cannot go back into a form (it is gone, or a point was answered
 * meanwhile) is listed under the refusal, to compare or copy; a chosen file is named, to be chosen again.
 * read: the draft version the page showed when the form was sent.
 */
function showConflict(main, { formId, typed, error, read }, assignment) {
  const form = main.querySelector(`#${formId}`);
  const left = retype(form, typed);
  // A newer draft came while the leader read the older one: the page shows it now, so "open the latest" would be
  // wrong; said plainly which version it is. (Unless the lists had not caught up: then the page is as it was.)
  const newer = form && error.problem?.rule === 'stale-draft' && assignment.currentVersion !== read;
  const box = newer ? h('div', { class: 'error', role: 'alert' },
    h('p', {}, t('conflict.staleDraft', { was: read, now: assignment.currentVersion }))) : errorBox(error);
  if (!newer) box.append(h('p', {}, t(form ? 'conflict.refreshed' : 'conflict.gone')));
  const notSent = left.filter(x => !x.file && x.shown);
  if (notSent.length) {
    box.append(h('p', {}, t('conflict.notPutBack')), h('ul', { class: 'not-sent' }, notSent.map(x =>
      h('li', {}, x.checkbox ? x.label : [h('strong', {}, x.label, ': '), x.shown]))));
  }
  const files = left.filter(x => x.file).map(x => x.shown);
  if (files.length) box.append(h('p', { class: 'file-again' }, t('conflict.fileAgain', { names: files.join('”, “') })));
  if (form) {
    form.closest('details').open = true;
    form.querySelector('.form-status').append(box);
  } else {
    main.querySelector('#actions, #no-actions').before(box);
  }
  box.scrollIntoView({ block: 'center' });
}

/**
 * A requirement typed numbered or bulleted, as a leader writes a list ("1. Bổ sung ...", "2) ...", "- ..."): Docket
 * numbers the points itself (1.1, 1.2), so the typed number would stand after its own ("1.2 2. Làm rõ ...").
 * A number that is part of the text ("1.250 tỷ đồng ...") has no space after its dot and stays.
 */
function unnumbered(line) {
  return line.replace(/^(?:\(?\d{1,2}[.)]|[-–•+*])\s+/, '');
}

/** allowed: the server's list of actions, in the order to offer them; each names one form below. */
function actions(me, a, path, allowed, after, conflict) {
  // Every form here, refused because the assignment changed meanwhile, draws the page again keeping what was typed.
  const command = spec => commandForm({ conflict: conflict(spec.id), ...spec });
  if (allowed.length === 0) return h('p', { class: 'muted', id: 'no-actions' }, t('detail.noActions'));
  const at = `/api/assignments/${a.id}`;
  // A reassignment, a cancellation and the last approval end a pending extension request: a second step to wait for.
  const withLapse = a.pendingExtension ? 2 : 1;
  const next = a.awaitingLevel; // the level that must look at the draft now: the server says
  // A clerk hands in nothing of her own: what she records is the unit's, handed in on paper, and the forms say so
  // (named "Nộp dự thảo" and "Đề nghị gia hạn", they read as the unit's own actions offered to her by mistake).
  const onPaper = me.role === 'CLERK';
  const forms = {
    handIn: () => {
      // The file itself is uploaded; the server computes its SHA-256. A link stays possible for documents kept
      // elsewhere. Nothing is hashed in the browser, so it works on a plain-http office address too.
      const file = field({ name: 'documentFile', label: t('field.documentFile'), type: 'file', wide: true,
        accept: '.docx,.odt,.pdf,.txt', hint: t('field.documentFile.hint') });
      const name = field({ name: 'documentName', label: t('field.documentName'), hint: t('field.documentName.hint') });
      const chosen = () => file.input.files[0];
      // The name follows the chosen file until someone types their own: a file chosen again must not be recorded,
      // and downloaded, under the name of the one it replaced (a PDF saved as "Dự thảo.docx").
      let filledName = '';
      file.input.addEventListener('change', () => {
        if (chosen() && (!name.input.value || name.input.value === filledName)) name.input.value = filledName = chosen().name;
      });
      // The answer table: for each open point, taken in (where) or explained (why not).
      const open = openPoints(path);
      const answerFields = open.flatMap(p => [
        field({ name: `answer-${p.id}`, label: `${p.id} – ${p.text}`, type: 'select', wide: true,
          options: [['', t('points.answer.none')], ['TAKEN_IN', t('points.answer.TAKEN_IN')], ['EXPLAINED', t('points.answer.EXPLAINED')]] }),
        field({ name: `note-${p.id}`, label: t('points.note'), keptLabel: `${p.id} – ${t('points.note')}`, wide: true })]);
      const answers = v => open.filter(p => v[`answer-${p.id}`])
        .map(p => ({ point: p.id, answer: v[`answer-${p.id}`], note: v[`note-${p.id}`] }));
      const fields = [file, name,
        field({ name: 'documentUrl', label: t('field.documentUrl'), wide: true, placeholder: 'https://' }),
        field({ name: 'note', label: t('field.note'), type: 'textarea', wide: true, rows: 2 }), effective(), ...answerFields];
      const form = command({
        id: 'form-draft', fields, submit: t(onPaper ? 'action.draft.paper' : 'action.draft'), path: `${at}/drafts`,
        check: v => {
          const problems = [];
          if (!chosen() && !v.documentUrl) problems.push(['documentFile', t('valid.docRef')]);
          if (!chosen() && v.documentUrl && !v.documentName) {
            problems.push(['documentName', t('valid.required', { field: t('field.documentName').toLowerCase() })]);
          }
          if (v.documentUrl && !/^https?:\/\/\S+$/i.test(v.documentUrl)) problems.push(['documentUrl', t('valid.url')]);
          for (const p of open) {
            if (v[`answer-${p.id}`] && !v[`note-${p.id}`]) problems.push([`note-${p.id}`, t('valid.answerNote')]);
            if (!v[`answer-${p.id}`] && v[`note-${p.id}`]) problems.push([`answer-${p.id}`, t('valid.answerKind')]);
          }
          return problems;
        },
        // With a file the hand-in is a form; its answers travel as one field of JSON text.
        form: v => {
          if (!chosen()) return null;
          const data = new FormData();
          data.append('file', chosen());
          for (const key of ['documentName', 'documentUrl', 'note', 'effectiveDate']) {
            if (v[key]) data.append(key, v[key]);
          }
          if (answers(v).length) data.append('answers', JSON.stringify(answers(v)));
          return data;
        },
        body: v => ({ documentName: v.documentName, documentUrl: v.documentUrl, note: v.note,
          effectiveDate: v.effectiveDate, answers: answers(v) }),
        done: (answer, v) => {
          const answered = open.some(p => v[`answer-${p.id}`]);
          return after(answer, v, answered ? 2 : 1, answered);
        },
      });
      if (open.length) answerFields[0].before(h('p', { class: 'answer-table-title', id: 'answer-table' },
        h('strong', {}, t('points.answerTable')), ' ', h('span', { class: 'hint' }, t('points.answerTable.hint'))));
      return [t(onPaper ? 'action.draft.paper' : 'action.draft'), form];
    },
    sendBack: () => {
      const outside = outsideBody(me, next);
      // Answered points may be reopened: their answer did not satisfy, the next draft answers them again.
      const reopenable = (path.points || []).filter(p => p.status === 'ANSWERED' || p.status === 'CLOSED');
      const reopen = reopenable.map(p => field({ name: `reopen-${p.id}`, type: 'checkbox', wide: true,
        label: `${t('points.reopen', { id: p.id })}: ${p.text} — ${t('points.answer.' + p.answer)}: ${p.note || ''}` }));
      const fields = [field({ name: 'reasons', label: t('field.reasons'), type: 'textarea', required: !reopen.length,
        wide: true, rows: 4, hint: t('field.reasons.hint') }), ...reopen,
      field({ name: 'dueDate', label: t('field.dueDate'), type: 'date' })];
      if (outside) fields.push(...decisionFields());
      fields.push(effective(outside));
      const title = t(outside ? 'action.revisionOutside' : 'action.revision', { level: next });
      const reopened = v => reopenable.filter(p => v[`reopen-${p.id}`]).map(p => p.id);
      const form = command({
        id: 'form-revision', submit: title, path: `${at}/revision-requests`, fields,
        check: v => (reopen.length && !v.reasons && !reopened(v).length ? [['reasons', t('valid.reasonsOrReopen')]] : []),
        body: v => ({ reasons: lines(v.reasons).map(unnumbered), reopenedPoints: reopened(v), dueDate: v.dueDate,
          effectiveDate: v.effectiveDate, draftVersion: a.currentVersion, level: next,
          decisionRef: outside ? { number: v.decisionNumber, date: v.decisionDate } : null }),
        done: (answer, v) => after(answer, v, 1, true),
      });
      if (reopen.length) reopen[0].before(h('p', { class: 'hint wide' }, t('points.reopen.hint')));
      return [title, judging(a, form)];
    },
    approve: () => {
      const outside = outsideBody(me, next);
      const fields = [field({ name: 'note', label: t('field.note'), type: 'textarea', wide: true, rows: 2 })];
      if (outside) fields.push(...decisionFields());
      fields.push(effective(outside));
      const title = t(outside ? 'action.approveOutside' : 'action.approve', { level: next });
      // An approval closes the answered points, and the last level's also those no draft answered (RevisionCycle):
      // then wait for the points as well, which the revision statistics may show after the step.
      const last = a.approvalRoute[a.approvalRoute.length - 1] === next;
      const closes = (path.points || []).some(p => p.status === 'ANSWERED'
        || (last && (p.status === 'OPEN' || p.status === 'REOPENED')));
      return [title, judging(a, command({
        id: 'form-approve', fields, submit: title, path: `${at}/approvals`,
        body: v => ({ note: v.note, effectiveDate: v.effectiveDate, draftVersion: a.currentVersion, level: next,
          decisionRef: outside ? { number: v.decisionNumber, date: v.decisionDate } : null }),
        done: (answer, v) => after(answer, v, last ? withLapse : 1, closes),
      }))];
    },
    issue: () => {
      // The issued document's file is optional; chosen, it is uploaded and kept like a draft's.
      const file = field({ name: 'issuedFile', label: t('field.issuedFile'), type: 'file', wide: true,
        accept: '.docx,.odt,.pdf,.txt', hint: t('field.issuedFile.hint') });
      const chosen = () => file.input.files[0];
      return [t('action.issue'), command({
        id: 'form-issue', submit: t('action.issue'), path: `${at}/issuance`,
        fields: [field({ name: 'documentNumber', label: t('field.documentNumber'), required: true, placeholder: '95/KH-UBND' }),
          field({ name: 'issuedOn', label: t('field.issuedOn'), type: 'date', required: true, notFuture: true }), file],
        form: v => {
          if (!chosen()) return null;
          const data = new FormData();
          data.append('file', chosen());
          data.append('documentNumber', v.documentNumber);
          data.append('issuedOn', v.issuedOn);
          return data;
        },
        body: v => ({ documentNumber: v.documentNumber, issuedOn: v.issuedOn }),
        done: after,
      })];
    },
    // Without a deadline (the notice gave no calendar date) the same command sets the first one: the server takes it.
    extend: () => [t(a.deadline ? 'action.extend' : 'action.setDeadline'), command({
      id: 'form-extend', submit: t(a.deadline ? 'action.extend' : 'action.setDeadline'), path: `${at}/deadline-extensions`,
      fields: [field({ name: 'newDeadline', label: t('field.newDeadline'), type: 'date', required: true,
        hint: a.deadline ? undefined : t('extend.firstHint') }), reason(), effective()],
      check: v => laterThanDeadline(a, v.newDeadline),
      body: v => ({ newDeadline: v.newDeadline, reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    reassign: () => [t('action.reassign'), command({
      id: 'form-reassign', submit: t('action.reassign'), path: `${at}/reassignment`,
      fields: [unitField(field({ name: 'leadUnit', label: t('field.newLeadUnit'), required: true, list: 'units' })), reason(),
        effective()],
      body: v => ({ leadUnit: v.leadUnit, reason: v.reason, effectiveDate: v.effectiveDate }),
      done: (answer, v) => after(answer, v, withLapse),
    })],
    cancel: () => [t('action.cancel'), command({
      id: 'form-cancel', submit: t('action.cancel'), path: `${at}/cancellation`,
      fields: [reason(), effective()],
      body: v => ({ reason: v.reason, effectiveDate: v.effectiveDate }),
      done: (answer, v) => after(answer, v, withLapse),
    })],
    ...followUpForms(a, at, after, command, onPaper),
  };
  // The first action (the one the workflow expects next) is open; the others one click away.
  return h('div', { class: 'actions', id: 'actions' }, allowed.filter(key => forms[key]).map((key, i) => {
    const [title, form] = forms[key]();
    return h('details', { class: `action action-${key}`, open: i === 0 }, h('summary', {}, title), form);
  }));
}

/** The current deadline is still the original one: the page says so once rather than write the same date twice. */
const stillOriginal = a => !a.originalDeadline || a.originalDeadline === a.deadline;

/** The extension a unit asked for, beside the deadline it would replace and the original one. */
function pendingExtensionText(a) {
  const p = a.pendingExtension;
  return h('div', { id: 'pending-extension' },
    h('p', {}, t(stillOriginal(a) ? 'extension.pendingSame' : 'extension.pending', { date: fmtDate(p.newDeadline),
      deadline: fmtDate(a.deadline), original: fmtDate(a.originalDeadline) })),
    h('p', { class: 'muted' }, t('extension.pendingBy', { date: fmtDate(p.requestedOn), name: p.by?.name || '',
      reason: p.reason || '' })));
}

/** Who was chased when: the clerk's reminders, Docket's own before the deadline, and missed deadlines. */
function reminderSection(a, path) {
  const chased = path.steps.filter(step => step.type === 'REMINDER_SENT' || step.type === 'DEADLINE_MISSED');
  if (!chased.length && !a.deadline) return '';
  const text = step => {
    const d = step.details || {};
    const unit = d.chasedUnit || a.leadUnit;
    if (step.type === 'DEADLINE_MISSED') return t('reminders.missed', { unit, date: fmtDate(d.deadline) });
    if (d.kind === 'BEFORE_DEADLINE') return t('reminders.BEFORE_DEADLINE', { unit, n: d.workingDaysLeft ?? '' });
    return t('reminders.MANUAL', { unit, by: step.actor?.name || '' });
  };
  return section(t('reminders.title'), chased.length
    ? h('ul', { class: 'reminders', id: 'reminders', 'aria-label': t('reminders.list') }, chased.reverse().map(step =>
      h('li', {}, h('time', { datetime: step.recordedAt }, fmtDateTime(step.recordedAt)), ' – ', text(step),
        step.details?.note ? h('span', { class: 'muted' }, ` · ${t('field.note')}: ${step.details.note}`) : '')))
    : h('p', { class: 'muted', id: 'reminders' }, t('reminders.none')));
}

/**
 * Chasing and extensions on request: the clerk's reminder, the unit's request (recorded by a clerk when handed in on
 * paper, onPaper), the leader's decision.
 */
function followUpForms(a, at, after, command, onPaper) {
  const requestTitle = t(onPaper ? 'action.requestExtension.paper' : 'action.requestExtension');
  return {
    remind: () => [t('action.remind'), command({
      id: 'form-remind', submit: t('action.remind'), path: `${at}/reminders`,
      fields: [field({ name: 'note', label: t('field.note'), type: 'textarea', wide: true, rows: 2,
        hint: t('remind.hint', { unit: a.leadUnit, deadline: a.deadline ? fmtDate(a.deadline) : t('list.noDeadline') }) })],
      body: v => ({ note: v.note }),
      done: after,
    })],
    requestExtension: () => [requestTitle, command({
      id: 'form-request-extension', submit: requestTitle, path: `${at}/extension-requests`,
      fields: [field({ name: 'newDeadline', label: t('field.requestedDeadline'), type: 'date', required: true,
        hint: t(stillOriginal(a) ? 'extension.requestHintSame' : 'extension.requestHint',
          { deadline: fmtDate(a.deadline), original: fmtDate(a.originalDeadline) }) }),
      reason(), effective()],
      check: v => laterThanDeadline(a, v.newDeadline),
      body: v => ({ newDeadline: v.newDeadline, reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    decideExtension: () => [t('action.decideExtension'), h('div', {}, pendingExtensionText(a), command({
      id: 'form-decide-extension', submit: t('action.decideExtension'), path: `${at}/extension-requests/decision`,
      fields: [field({ name: 'decision', label: t('field.decision'), type: 'select', required: true, value: 'approve',
        options: [['approve', t('decision.approve')], ['reject', t('decision.reject')]] }),
      field({ name: 'newDeadline', label: t('field.grantedDeadline'), type: 'date',
        hint: t('field.grantedDeadline.hint') }),
      reason(false), effective()],
      check: v => (v.decision === 'reject' && !v.reason ? [['reason', t('valid.required', { field: t('field.reason').toLowerCase() })]]
        : v.decision === 'approve' ? laterThanDeadline(a, v.newDeadline) : []),
      body: v => ({ approve: v.decision === 'approve', newDeadline: v.decision === 'approve' ? v.newDeadline : null,
        reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    }))],
  };
}
