// One assignment: its facts, the plan path as a timeline (drafts, revision rounds with their reasons,
// approvals per level, extensions with the original deadline, issuance), the figures a leader asks
// about, and the actions the signed-in person may take now, each a form.
import { api, ApiError } from '../api.js';
import { h, clear, param } from '../dom.js';
import { t, fmtDate, fmtDateTime } from '../i18n.js';
import { start, section, statusBadge, timelinessBadge, deadlineText, sourceText, errorBox, KINDS, unitList } from '../layout.js';
import { planPathChart } from '../charts.js';
import { field, commandForm, lines } from '../forms.js';
import { actionsFor, nextLevel, level } from '../work.js';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Read models follow the events a moment later: wait for the change, then draw again. */
async function load(id, until = () => true) {
  for (let attempt = 0; ; attempt++) {
    try {
      const [assignment, path] = await Promise.all([api(`/api/assignments/${id}`), api(`/api/assignments/${id}/path`)]);
      if (until(assignment, path) || attempt >= 40) return { assignment, path };
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404) || attempt >= 40) throw e;
    }
    await sleep(250);
  }
}

start('assignments', 'detail.title', async (main, me, setTitle) => {
  const id = param('id');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) {
    clear(main, h('p', { class: 'error' }, t('detail.notFound')));
    return;
  }
  const units = await unitList(me);
  const render = async ({ assignment, path }) => {
    setTitle(assignment.title);
    // Two read models follow the command: the path gains a step and the assignment itself changes.
    const stepsBefore = path.steps.length;
    const before = JSON.stringify(assignment);
    const after = async () => render(await load(id, (a, p) => p.steps.length > stepsBefore && JSON.stringify(a) !== before));
    clear(main,
      h('p', { class: 'crumbs' }, h('a', { href: '/assignments.html' }, t('nav.assignments')), ' · ',
        h('a', { href: `/audit.html?assignment=${assignment.id}`, id: 'audit-trail' }, t('detail.auditTrail'))),
      h('h1', { id: 'assignment-title' }, assignment.title),
      units,
      facts(assignment),
      figures(assignment, path),
      section(t('detail.path'), planPathChart(path, assignment), stepList(path)),
      reminderSection(assignment, path),
      section(t('detail.actions'), actions(me, assignment, after)));
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
    a.parentId ? row(t('field.parent'), h('a', { href: `/assignment.html?id=${a.parentId}` }, t('detail.openDocument'))) : [],
    a.documentNumber ? row(t('field.document'), `${a.documentNumber}${a.issuedOn ? ' – ' + fmtDate(a.issuedOn) : ''}`) : []);
}

function figures(a, path) {
  const current = path.periods.find(p => p.open);
  let now = t('detail.now.closed');
  if (current) {
    const days = t('days', { n: current.days });
    now = current.holder === 'UNIT'
      ? t('detail.now.unit', { unit: a.leadUnit, date: fmtDate(current.from), days })
      : t('detail.now.review', { level: a.awaitingLevel || '', date: fmtDate(current.from), days });
  }
  const figure = (id, label, value) => h('div', { class: 'figure', id },
    h('span', { class: 'value' }, value), h('span', { class: 'label' }, label));
  return h('section', { class: 'figures', 'aria-label': t('detail.figures') },
    figure('rounds', t('detail.rounds'), path.revisionRounds),
    figure('days-with-unit', t('detail.daysWithUnit'), path.daysWithUnit),
    figure('days-awaiting-review', t('detail.daysAwaitingReview'), path.daysAwaitingReview),
    h('p', { class: 'now', id: 'now' }, h('strong', {}, t('detail.now'), ': '), now));
}

function stepTitle(step, round) {
  const d = step.details || {};
  switch (step.type) {
    case 'DRAFT_SUBMITTED': return t('step.DRAFT_SUBMITTED', { version: step.version });
    case 'REVISION_REQUESTED': return t('step.REVISION_REQUESTED', { round });
    case 'APPROVED': return t('step.APPROVED', { level: step.level });
    case 'ISSUED': return t('step.ISSUED', { number: d.documentNumber || '' });
    case 'DEADLINE_EXTENDED': return t('step.DEADLINE_EXTENDED', { date: fmtDate(d.deadline) });
    case 'REASSIGNED': return t('step.REASSIGNED', { unit: d.leadUnit || '' });
    case 'REMINDER_SENT': case 'DEADLINE_MISSED': return t('step.' + step.type, { unit: d.chasedUnit || '' });
    case 'EXTENSION_REQUESTED': case 'EXTENSION_REJECTED':
      return t('step.' + step.type, { date: fmtDate(d.requestedDeadline) });
    default: return t('step.' + step.type);
  }
}

function stepList(path) {
  let round = 0;
  return h('ol', { class: 'timeline', id: 'steps', 'aria-label': t('detail.steps') }, path.steps.map(step => {
    if (step.type === 'REVISION_REQUESTED') round++;
    const d = step.details || {};
    const actor = step.actor || {};
    const extra = [];
    if (step.type === 'ASSIGNED' && d.deadline) extra.push(`${t('field.deadline')}: ${fmtDate(d.deadline)}`);
    if (step.type === 'DRAFT_SUBMITTED') {
      extra.push(d.documentName || '');
      if (d.documentUrl) extra.push(h('a', { href: d.documentUrl, rel: 'noopener noreferrer' }, t('detail.openDocument')));
      if (d.documentSha256) extra.push(h('code', { title: d.documentSha256 }, `SHA-256 ${d.documentSha256.slice(0, 12)}…`));
    }
    if (step.type === 'REVISION_REQUESTED' && d.dueDate) extra.push(`${t('field.dueDate')}: ${fmtDate(d.dueDate)}`);
    if (step.type === 'APPROVED' && d.finalApproval) extra.push(t('detail.final'));
    if (step.type === 'APPROVED' && d.decision) {
      extra.push(t('detail.decision', { number: d.decision.number, date: fmtDate(d.decision.date) }));
    }
    if (step.type === 'DEADLINE_EXTENDED' && d.previousDeadline) {
      extra.push(h('span', { class: 'original' }, t('detail.previousDeadline', { date: fmtDate(d.previousDeadline) })));
    }
    if (d.note) extra.push(`${t('field.note')}: ${d.note}`);
    return h('li', { class: `step step-${step.type}` },
      h('div', { class: 'when' }, h('time', { datetime: step.effectiveDate }, fmtDate(step.effectiveDate))),
      h('div', { class: 'what' },
        h('strong', { class: 'step-title' }, stepTitle(step, round)),
        h('div', { class: 'who' }, t('detail.by', { name: actor.name || actor.id || '', unit: actor.unit || t('noUnit'),
          role: t('role.' + actor.role) })),
        extra.length ? h('div', { class: 'extra' }, extra.map((x, i) => [i ? ' · ' : '', x])) : '',
        step.reasons?.length ? h('ul', { class: 'reasons' }, step.reasons.map(r => h('li', {}, r))) : '',
        h('div', { class: 'recorded muted' }, t('detail.recorded', { time: fmtDateTime(step.recordedAt) }))));
  }));
}

/** Computes the SHA-256 of a chosen file in the browser: the draft is identified, not uploaded. */
function shaPicker(nameField, shaField) {
  const picker = field({ name: 'documentFile', label: t('field.documentFile'), type: 'file' });
  if (!crypto.subtle) return null; // only on https or localhost
  picker.input.addEventListener('change', async () => {
    const file = picker.input.files[0];
    if (!file) return;
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    shaField.input.value = [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
    if (!nameField.input.value) nameField.input.value = file.name;
  });
  return picker;
}

function effective() {
  return field({ name: 'effectiveDate', label: t('field.effectiveDate'), type: 'date', notFuture: true,
    hint: t('field.effectiveDate.hint') });
}

function actions(me, a, after) {
  const chosen = actionsFor(me, a);
  if (chosen.length === 0) return h('p', { class: 'muted', id: 'no-actions' }, t('detail.noActions'));
  const at = `/api/assignments/${a.id}`;
  const next = nextLevel(a);
  const forms = {
    draft: () => {
      const name = field({ name: 'documentName', label: t('field.documentName'), required: true });
      const sha = field({ name: 'documentSha256', label: t('field.documentSha256'), wide: true });
      const fields = [name, shaPicker(name, sha), sha,
        field({ name: 'documentUrl', label: t('field.documentUrl'), wide: true, placeholder: 'https://' }),
        field({ name: 'note', label: t('field.note'), type: 'textarea', wide: true, rows: 2 }), effective()]
        .filter(Boolean);
      return [t('action.draft'), commandForm({
        id: 'form-draft', fields, submit: t('action.draft'), path: `${at}/drafts`,
        check: v => {
          const problems = [];
          if (!v.documentSha256 && !v.documentUrl) problems.push(['documentSha256', t('valid.docRef')]);
          if (v.documentSha256 && !/^[0-9a-f]{64}$/i.test(v.documentSha256)) problems.push(['documentSha256', t('valid.sha')]);
          if (v.documentUrl && !/^https?:\/\/\S+$/i.test(v.documentUrl)) problems.push(['documentUrl', t('valid.url')]);
          return problems;
        },
        body: v => ({ documentName: v.documentName, documentSha256: v.documentSha256, documentUrl: v.documentUrl,
          note: v.note, effectiveDate: v.effectiveDate }),
        done: after,
      })];
    },
    revision: () => [t('action.revision'), commandForm({
      id: 'form-revision', submit: t('action.revision'), path: `${at}/revision-requests`,
      fields: [field({ name: 'reasons', label: t('field.reasons'), type: 'textarea', required: true, wide: true, rows: 4,
        hint: t('field.reasons.hint') }),
      field({ name: 'dueDate', label: t('field.dueDate'), type: 'date' }), effective()],
      body: v => ({ reasons: lines(v.reasons), dueDate: v.dueDate, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    approve: () => {
      const outside = level(me, next).outsideBody;
      const fields = [field({ name: 'note', label: t('field.note'), type: 'textarea', wide: true, rows: 2 })];
      if (outside) {
        fields.push(field({ name: 'decisionNumber', label: t('field.decisionNumber'), required: true }),
          field({ name: 'decisionDate', label: t('field.decisionDate'), type: 'date', required: true, notFuture: true }));
      }
      fields.push(effective());
      const title = t(outside ? 'action.approveOutside' : 'action.approve', { level: next });
      return [title, commandForm({
        id: 'form-approve', fields, submit: title, path: `${at}/approvals`,
        body: v => ({ note: v.note, effectiveDate: v.effectiveDate,
          decisionRef: outside ? { number: v.decisionNumber, date: v.decisionDate } : null }),
        done: after,
      })];
    },
    issue: () => [t('action.issue'), commandForm({
      id: 'form-issue', submit: t('action.issue'), path: `${at}/issuance`,
      fields: [field({ name: 'documentNumber', label: t('field.documentNumber'), required: true, placeholder: '95/KH-UBND' }),
        field({ name: 'issuedOn', label: t('field.issuedOn'), type: 'date', required: true, notFuture: true })],
      body: v => ({ documentNumber: v.documentNumber, issuedOn: v.issuedOn }),
      done: after,
    })],
    extend: () => [t('action.extend'), commandForm({
      id: 'form-extend', submit: t('action.extend'), path: `${at}/deadline-extensions`,
      fields: [field({ name: 'newDeadline', label: t('field.newDeadline'), type: 'date', required: true }),
        field({ name: 'reason', label: t('field.reason'), type: 'textarea', required: true, wide: true, rows: 2 }), effective()],
      check: v => (a.deadline && v.newDeadline && v.newDeadline <= a.deadline
        ? [['newDeadline', t('valid.later', { date: fmtDate(a.deadline) })]] : []),
      body: v => ({ newDeadline: v.newDeadline, reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    reassign: () => [t('action.reassign'), commandForm({
      id: 'form-reassign', submit: t('action.reassign'), path: `${at}/reassignment`,
      fields: [field({ name: 'leadUnit', label: t('field.newLeadUnit'), required: true, list: 'units' }),
        field({ name: 'reason', label: t('field.reason'), type: 'textarea', required: true, wide: true, rows: 2 }), effective()],
      body: v => ({ leadUnit: v.leadUnit, reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    cancel: () => [t('action.cancel'), commandForm({
      id: 'form-cancel', submit: t('action.cancel'), path: `${at}/cancellation`,
      fields: [field({ name: 'reason', label: t('field.reason'), type: 'textarea', required: true, wide: true, rows: 2 }),
        effective()],
      body: v => ({ reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    ...followUpForms(a, at, after),
  };
  // The first action (the one the workflow expects next) is open; the others one click away.
  return h('div', { class: 'actions', id: 'actions' }, chosen.map((key, i) => {
    const [title, form] = forms[key]();
    return h('details', { class: `action action-${key}`, open: i === 0 }, h('summary', {}, title), form);
  }));
}

/** The extension a unit asked for, beside the deadline it would replace and the original one. */
function pendingExtensionText(a) {
  const p = a.pendingExtension;
  return h('div', { id: 'pending-extension' },
    h('p', {}, t('extension.pending', { date: fmtDate(p.newDeadline), deadline: fmtDate(a.deadline),
      original: fmtDate(a.originalDeadline || a.deadline) })),
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

/** Chasing and extensions on request: the clerk's reminder, the unit's request, the leader's decision. */
function followUpForms(a, at, after) {
  const original = fmtDate(a.originalDeadline || a.deadline);
  return {
    remind: () => [t('action.remind'), commandForm({
      id: 'form-remind', submit: t('action.remind'), path: `${at}/reminders`,
      fields: [field({ name: 'note', label: t('field.note'), type: 'textarea', wide: true, rows: 2,
        hint: t('remind.hint', { unit: a.leadUnit, deadline: a.deadline ? fmtDate(a.deadline) : t('list.noDeadline') }) })],
      body: v => ({ note: v.note }),
      done: after,
    })],
    requestExtension: () => [t('action.requestExtension'), commandForm({
      id: 'form-request-extension', submit: t('action.requestExtension'), path: `${at}/extension-requests`,
      fields: [field({ name: 'newDeadline', label: t('field.requestedDeadline'), type: 'date', required: true,
        hint: t('extension.requestHint', { deadline: fmtDate(a.deadline), original }) }),
      field({ name: 'reason', label: t('field.reason'), type: 'textarea', required: true, wide: true, rows: 2 }), effective()],
      check: v => (v.newDeadline && v.newDeadline <= a.deadline
        ? [['newDeadline', t('valid.later', { date: fmtDate(a.deadline) })]] : []),
      body: v => ({ newDeadline: v.newDeadline, reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    })],
    decideExtension: () => [t('action.decideExtension'), h('div', {}, pendingExtensionText(a), commandForm({
      id: 'form-decide-extension', submit: t('action.decideExtension'), path: `${at}/extension-requests/decision`,
      fields: [field({ name: 'decision', label: t('field.decision'), type: 'select', required: true, value: 'approve',
        options: [['approve', t('decision.approve')], ['reject', t('decision.reject')]] }),
      field({ name: 'newDeadline', label: t('field.grantedDeadline'), type: 'date',
        hint: t('field.grantedDeadline.hint') }),
      field({ name: 'reason', label: t('field.reason'), type: 'textarea', wide: true, rows: 2 }), effective()],
      check: v => (v.decision === 'reject' && !v.reason ? [['reason', t('valid.required', { field: t('field.reason').toLowerCase() })]]
        : v.decision === 'approve' && v.newDeadline && v.newDeadline <= a.deadline
          ? [['newDeadline', t('valid.later', { date: fmtDate(a.deadline) })]] : []),
      body: v => ({ approve: v.decision === 'approve', newDeadline: v.decision === 'approve' ? v.newDeadline : null,
        reason: v.reason, effectiveDate: v.effectiveDate }),
      done: after,
    }))],
  };
}
