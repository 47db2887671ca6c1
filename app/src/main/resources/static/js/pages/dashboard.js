// Dashboard: the four timeliness classes per lead unit (chart and table), the overdue list with days
// overdue, and what waits for the signed-in person. The server counts (/api/stats/dashboard); the page
// never downloads every assignment.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { start, section, table, statusBadge, timelinessBadge, assignmentLink, deadlineText } from '../layout.js';
import { stackedBars, CLASSES } from '../charts.js';

/** The dashboard lists this many of what waits for the person; the rest are one click away in the list. */
const MINE_SHOWN = 50;

start('dashboard', 'dash.title', async (main, me) => {
  // What waits for this person is the server's rule (waiting=true), as are the counts.
  const [stats, waiting] = await Promise.all([api('/api/stats/dashboard'),
    api(`/api/assignments?waiting=true&size=${MINE_SHOWN}`)]);
  const rows = stats.byUnit.map(r => ({ label: r.unit, counts: r.counts }));
  const sum = key => rows.reduce((n, r) => n + (r.counts[key] || 0), 0);
  const rowTotal = r => CLASSES.reduce((n, k) => n + (r.counts[k] || 0), 0);

  const overdue = stats.overdue.items;
  const mine = waiting.items;
  // Whom the list is for, in words; what is on it is the server's rule.
  const mineTitle = me.unitMember ? t('dash.mine.unit') : me.leader ? t('dash.mine.leader')
    : me.role === 'CLERK' ? t('dash.mine.clerk') : null;

  clear(main,
    h('h1', {}, t('dash.title')),
    section(`${t('dash.mine')}${mineTitle ? ': ' + mineTitle.toLocaleLowerCase('vi') : ''}`,
      !mineTitle ? h('p', { class: 'muted' }, t('dash.mine.nothing'))
        : mine.length === 0 ? h('p', { class: 'muted', id: 'mine-empty' }, t('none'))
          : h('ul', { class: 'cards', id: 'mine' }, mine.map(a => h('li', {},
            assignmentLink(a), h('div', { class: 'meta' }, statusBadge(a.status), ' ', timelinessBadge(a.timeliness),
              ' · ', a.leadUnit, ' · ', t('field.deadline'), ': ', deadlineText(a),
              // An assignment may wait for a leader's decision on an extension, not for a draft: its status alone
              // ("Đã giao") does not say so, nor to which day the unit asked.
              a.pendingExtension ? [' · ', h('span', { class: 'extension-asked' },
                t('dash.extensionAsked', { date: fmtDate(a.pendingExtension.newDeadline) }))] : '')))),
      waiting.total > mine.length ? h('p', {}, h('a', { href: '/assignments.html?view=waiting', id: 'mine-all' },
        t('dash.mine.all', { n: waiting.total }))) : ''),
    // With none due the words stand alone: a link to an empty list would lead nowhere.
    h('p', { id: 'due-this-week' }, stats.dueThisWeek === 0 ? t('dash.dueThisWeek', { n: 0 })
      : h('a', { href: '/assignments.html?view=due7' }, t('dash.dueThisWeek', { n: stats.dueThisWeek }))),
    section(t('dash.byUnit'),
      rows.length === 0 ? h('p', { class: 'muted' }, t('dash.empty')) : [
        stackedBars(t('dash.chart'), rows, CLASSES, k => `tl-${k}`, k => t('timeliness.' + k)),
        table(t('dash.byUnit'), [t('field.leadUnit'), ...CLASSES.map(k => t('timeliness.' + k)), t('total')],
          [...rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.label),
            CLASSES.map(k => h('td', { class: 'num' }, r.counts[k] || 0)), h('td', { class: 'num' }, rowTotal(r)))),
          h('tr', { class: 'sum' }, h('th', { scope: 'row' }, t('total')),
            CLASSES.map(k => h('td', { class: 'num' }, sum(k))),
            h('td', { class: 'num' }, CLASSES.reduce((n, k) => n + sum(k), 0)))], { id: 'by-unit' })]),
    section(t('dash.overdue'),
      overdue.length === 0 ? h('p', { class: 'muted' }, t('none'))
        : table(t('dash.overdue'), [t('field.title'), t('field.leadUnit'), t('field.deadline'), t('dash.daysOverdue'),
          t('field.status')], overdue.map(a => h('tr', {},
          h('td', {}, assignmentLink(a)), h('td', {}, a.leadUnit), h('td', {}, fmtDate(a.deadline)),
          h('td', { class: 'num overdue-days' }, a.daysOverdue ?? ''), h('td', {}, statusBadge(a.status)))),
          { id: 'overdue' }),
      stats.overdue.total > overdue.length ? h('p', {}, h('a', { href: '/assignments.html?timeliness=OVERDUE', id: 'overdue-all' },
        t('dash.overdue.all', { n: stats.overdue.total }))) : ''));
});
