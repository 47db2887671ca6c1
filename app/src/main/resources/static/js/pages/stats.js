// Revision-cycle statistics: how many rounds plans take, per lead unit and per kind of document, and how
// many days each round of revising took.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, lang } from '../i18n.js';
import { start, section, table, KINDS, unitName } from '../layout.js';
import { bars } from '../charts.js';
import { field } from '../forms.js';

const number = v => (v === null || v === undefined ? '–'
  : new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(v));

start('stats', 'stats.title', async (main) => {
  const query = new URLSearchParams(location.search);
  const unitAsNamed = await unitName(query.get('unit'));
  const unit = field({ name: 'unit', label: t('field.unit'), value: unitAsNamed });
  const kind = field({ name: 'kind', label: t('field.kind'), type: 'select', value: query.get('kind') || '',
    options: [['', t('all')], ...KINDS.map(k => [k, t('kind.' + k)])] });
  const form = h('form', { class: 'filters', role: 'search' }, h('div', { class: 'fields' }, unit, kind),
    h('button', { type: 'submit' }, t('filter')));
  const apiQuery = new URLSearchParams();
  if (unitAsNamed) apiQuery.set('unit', unitAsNamed);
  if (query.get('kind')) apiQuery.set('kind', query.get('kind'));
  // The page shows no assignment's points: leaving them out spares most of the answer and a read of them.
  apiQuery.set('points', 'false');
  const stats = await api('/api/stats/revision-cycles?' + apiQuery);
  const note = g => t('stats.barNote', { max: g.max, count: g.count });
  // The groups come from the server, over every assignment (the list below holds only the most revised).
  const shown = (g, label) => ({ label, value: g.meanRounds, max: g.maxRounds, count: g.count });
  const byUnit = stats.byUnit.map(g => shown(g, g.key)).map(g => ({ ...g, note: note(g) }));
  const byKind = stats.byKind.map(g => shown(g, t('kind.' + g.key))).map(g => ({ ...g, note: note(g) }));
  const summaryTable = (caption, first, rows, id) => table(caption,
    [first, t('stats.count'), t('stats.meanRounds'), t('stats.max')],
    rows.map(g => h('tr', {}, h('th', { scope: 'row' }, g.label), h('td', { class: 'num' }, g.count),
      h('td', { class: 'num' }, number(g.value)), h('td', { class: 'num' }, g.max))), { id });
  clear(main,
    h('h1', {}, t('stats.title')),
    form,
    h('p', { id: 'stats-summary' }, t('stats.summary', { count: stats.assignments, mean: number(stats.meanRounds),
      max: stats.maxRounds }), stats.meanTurnaroundDays !== null
      ? ` · ${t('stats.meanTurnaround').toLocaleLowerCase('vi')} ${number(stats.meanTurnaroundDays)}` : ''),
    section(t('stats.byUnit'), byUnit.length ? [bars(t('stats.byUnit'), byUnit, number),
      summaryTable(t('stats.byUnit'), t('field.leadUnit'), byUnit, 'by-unit')] : h('p', { class: 'muted' }, t('none'))),
    section(t('stats.byKind'), byKind.length ? [bars(t('stats.byKind'), byKind, number),
      summaryTable(t('stats.byKind'), t('field.kind'), byKind, 'by-kind')] : h('p', { class: 'muted' }, t('none'))),
    section(t('stats.points'), h('p', { id: 'points-summary' }, t('stats.pointsSummary', { raised: stats.pointsRaised,
      mean: number(stats.meanPointsPerRound ?? 0), takenIn: stats.takenIn, explained: stats.explained,
      reopened: stats.reopened, closedUnanswered: stats.closedUnanswered })), pointsByRound(stats)),
    section(t('stats.turnaround'), table(t('stats.turnaround'), [t('field.title'), t('field.leadUnit'), t('field.kind'),
      t('stats.rounds'), t('stats.turnaround')], stats.perAssignment.map(a => h('tr', {},
      h('td', {}, h('a', { href: `/assignment.html?id=${a.id}` }, a.title)), h('td', {}, a.unit),
      h('td', {}, t('kind.' + a.kind)), h('td', { class: 'num' }, a.rounds),
      h('td', {}, a.turnaroundDays.map(d => (d === null ? t('stats.roundOut') : d)).join(' · '))))),
    stats.withRounds > stats.perAssignment.length
      ? h('p', { class: 'muted', id: 'turnaround-shown' }, t('stats.shownOf', { shown: stats.perAssignment.length,
        total: stats.withRounds })) : ''));
});

/**
 * Points raised in the first, second, … round of every assignment shown, and how they were answered: taken in,
 * or explained rather than taken in (with the share explained), or left unanswered until the final approval closed them.
 */
function pointsByRound(stats) {
  const rounds = stats.pointsByRound;
  if (!rounds.length) return h('p', { class: 'muted' }, t('none'));
  return table(t('stats.points'), [t('stats.round'), t('stats.pointsRaised'), t('stats.pointsReopened'),
    t('points.answer.TAKEN_IN'), t('points.answer.EXPLAINED'), t('stats.explainedShare'), t('stats.pointsClosedUnanswered')],
  rounds.map(r => h('tr', {}, h('th', { scope: 'row' }, t('stats.roundN', { n: r.round })),
    h('td', { class: 'num' }, r.raised), h('td', { class: 'num' }, r.reopened), h('td', { class: 'num' }, r.takenIn),
    h('td', { class: 'num' }, r.explained),
    h('td', { class: 'num' }, r.takenIn + r.explained ? `${Math.round(100 * r.explained / (r.takenIn + r.explained))} %` : '–'),
    h('td', { class: 'num' }, r.closedUnanswered ?? 0))),
  { id: 'points-by-round' });
}
