// The assignment list: filters (unit, status, timeliness, notice, deadline range, text) kept in the
// address so a filtered list can be bookmarked, sorted by deadline, paged; and for clerks the form that
// assigns a new task.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { start, section, table, errorBox, statusBadge, timelinessBadge, assignmentLink, deadlineText, sourceText, KINDS, unitList, unitName, marked,
  unitField, pager, pageCount, pastEnd } from '../layout.js';
import { field, commandForm, lines, filterForm } from '../forms.js';
import { CLASSES } from '../charts.js';

const STATUSES = ['ASSIGNED', 'DRAFT_SUBMITTED', 'REVISION_REQUESTED', 'APPROVED', 'ISSUED', 'CANCELLED'];
const SIZE = 20;

start('assignments', 'list.title', async (main, me) => {
  const query = new URLSearchParams(location.search);
  const page = Math.max(0, Number(query.get('page')) || 0);
  const unit = await unitName(query.get('unit'));
  const filterFields = [
    field({ name: 'unit', label: t('field.unit'), value: unit, list: 'units' }),
    field({ name: 'status', label: t('field.status'), type: 'select', value: query.get('status') || '',
      options: [['', t('all')], ...STATUSES.map(s => [s, t('status.' + s)])] }),
    field({ name: 'timeliness', label: t('field.timeliness'), type: 'select', value: query.get('timeliness') || '',
      options: [['', t('all')], ...CLASSES.map(s => [s, t('timeliness.' + s)])] }),
    field({ name: 'notice', label: t('field.notice'), value: query.get('notice'), placeholder: '311/TB-UBND' }),
    field({ name: 'deadlineFrom', label: t('field.deadlineFrom'), type: 'date', value: fmtDate(query.get('deadlineFrom')) }),
    field({ name: 'deadlineTo', label: t('field.deadlineTo'), type: 'date', value: fmtDate(query.get('deadlineTo')) }),
    field({ name: 'q', label: t('field.q'), value: query.get('q'), wide: true }),
  ];
  const view = VIEWS.includes(query.get('view')) ? query.get('view') : null;
  const filters = filterForm('filters', filterFields, view ? `/assignments.html?view=${view}` : '/assignments.html',
    view ? { view } : {});

  const apiQuery = new URLSearchParams();
  for (const key of ['status', 'timeliness', 'notice', 'q', 'deadlineFrom', 'deadlineTo']) {
    if (query.get(key)) apiQuery.set(key, query.get(key));
  }
  if (unit) apiQuery.set('unit', unit);
  if (view) apiQuery.set(VIEW_QUERY[view][0], VIEW_QUERY[view][1]);
  apiQuery.set('page', page);
  apiQuery.set('size', SIZE);
  const [result, units] = await Promise.all([api('/api/assignments?' + apiQuery).catch(e => e), unitList(me)]);
  const title = h('h1', {}, view ? t('view.' + view) : t('list.title'));
  if (result instanceof Error) {
    // A filter the server refuses (a deadline outside the dates Docket accepts) is named under the filters, which
    // stay on the page to be corrected.
    clear(main, title, savedViews(view), units, filters, errorBox(result));
    return;
  }
  clear(main,
    title,
    savedViews(view),
    units,
    filters,
    h('p', { class: 'muted' }, t('list.sorted')),
    // Past the end of the list nothing fails to match the filters: there are only fewer pages than the link asks for.
    pastEnd(page, result.total, SIZE) && result.total > 0
      ? h('p', { id: 'no-results' }, t('list.pastEnd', { pages: pageCount(result.total, SIZE) }))
      : result.items.length === 0 ? h('p', { id: 'no-results' }, t('list.none'))
      : table(t('list.title'), [t('field.title'), t('field.leadUnit'), t('field.deadline'), t('field.status'),
        t('field.timeliness'), t('field.notice')],
      result.items.map(a => h('tr', {},
        // What the words searched for (q) were found in is marked, as on the search page.
        h('td', { class: 'card-title' }, marked(assignmentLink(a), query.get('q'))),
        marked(h('td', { 'data-label': t('field.leadUnit') }, a.leadUnit), query.get('q')),
        h('td', { 'data-label': t('field.deadline') }, deadlineText(a)),
        h('td', { 'data-label': t('field.status') }, statusBadge(a.status)),
        h('td', { 'data-label': t('field.timeliness') }, timelinessBadge(a.timeliness),
          a.daysOverdue ? ` ${t('days', { n: a.daysOverdue })}` : ''),
        h('td', { 'data-label': t('field.notice') }, sourceText(a.source, query.get('q'))))),
      { id: 'assignments', class: 'card-list' }),
    pager({ page, size: SIZE, total: result.total, query }),
    me.role === 'CLERK' ? section(t('assign.title'), await assignForm(me)) : '');
});

/**
 * Saved views: the server picks the tasks from who is signed in ("my tasks"; what waits for me now) or from
 * today (due within 7 days).
 */
const VIEW_QUERY = { mine: ['mine', true], waiting: ['waiting', true], due7: ['dueWithin', 7] };
const VIEWS = Object.keys(VIEW_QUERY);

function savedViews(view) {
  const link = (key, href) => h('a', { href, class: 'view-link', id: `view-${key}`,
    'aria-current': (view || 'all') === key ? 'page' : null }, t('view.' + key));
  return h('nav', { class: 'views', 'aria-label': t('view.label') },
    link('all', '/assignments.html'), link('mine', '/assignments.html?view=mine'),
    link('waiting', '/assignments.html?view=waiting'), link('due7', '/assignments.html?view=due7'));
}

async function assignForm(me) {
  const levels = me.approvalLevels.map(l => [l.name, l.name]);
  const fields = [
    field({ name: 'title', label: t('field.title'), type: 'textarea', required: true, wide: true, rows: 2 }),
    field({ name: 'kind', label: t('field.kind'), type: 'select', required: true, value: 'PLAN',
      options: KINDS.map(k => [k, t('kind.' + k)]) }),
    unitField(field({ name: 'leadUnit', label: t('field.leadUnit'), required: true, list: 'units' })),
    // Checked as the lead is: a coordinating unit mistyped never sees the task it is to work on.
    unitField(field({ name: 'coordinatingUnits', label: t('field.coordinatingUnits'), type: 'textarea', rows: 2,
      hint: t('field.coordinatingUnits.hint') })),
    field({ name: 'deadline', label: t('field.deadline'), type: 'date' }),
    field({ name: 'level1', label: t('field.route.level', { n: 1 }), type: 'select', required: true,
      options: [['', '—'], ...levels], hint: t('field.route.hint') }),
    field({ name: 'level2', label: t('field.route.level', { n: 2 }), type: 'select', options: [['', '—'], ...levels] }),
    field({ name: 'level3', label: t('field.route.level', { n: 3 }), type: 'select', options: [['', '—'], ...levels] }),
    field({ name: 'notice', label: t('field.notice'), placeholder: '311/TB-UBND' }),
    field({ name: 'item', label: t('field.item'), inputmode: 'numeric' }),
    field({ name: 'effectiveDate', label: t('field.effectiveDate'), type: 'date', notFuture: true,
      hint: t('field.effectiveDate.hint') }),
  ];
  return commandForm({
    id: 'assign-form', fields, submit: t('assign.submit'), path: '/api/assignments',
    check: v => {
      const problems = [];
      const route = [v.level1, v.level2, v.level3].filter(Boolean);
      if (new Set(route).size !== route.length) problems.push(['level2', t('valid.routeRepeats')]);
      if (v.item && !/^[1-9]\d*$/.test(v.item)) problems.push(['item', t('valid.number', { field: t('field.item') })]);
      if (v.item && !v.notice) problems.push(['notice', t('valid.required', { field: t('field.notice').toLocaleLowerCase('vi') })]);
      return problems;
    },
    body: v => ({
      title: v.title, kind: v.kind, leadUnit: v.leadUnit, coordinatingUnits: lines(v.coordinatingUnits),
      deadline: v.deadline, approvalRoute: [v.level1, v.level2, v.level3].filter(Boolean),
      source: v.notice ? { notice: v.notice, item: v.item ? Number(v.item) : null } : null,
      parentId: null, effectiveDate: v.effectiveDate,
    }),
    done: answer => location.assign(`/assignment.html?id=${answer.id}`),
  });
}
