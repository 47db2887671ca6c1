// One registered notice: its facts and each item's assignment with its progress.
import { api } from '../api.js';
import { h, clear, param } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { start, table, statusBadge, timelinessBadge, deadlineText, errorBox } from '../layout.js';

start('notices', 'notices.title', async (main, me, setTitle) => {
  const id = param('id');
  let notice;
  try {
    notice = await api(`/api/notices/${encodeURIComponent(id || '')}`);
  } catch (e) {
    clear(main, h('p', { class: 'crumbs' }, h('a', { href: '/notices.html' }, t('notices.title'))),
      e.status === 404 ? h('p', { class: 'error' }, t('notice.unknown')) : errorBox(e));
    return;
  }
  const facts = notice.notice || notice;
  setTitle(t('notice.title', { number: facts.number || '' }));
  // Progress comes from the assignments themselves, the same read model as everywhere else.
  const progress = facts.number
    ? (await api(`/api/assignments?notice=${encodeURIComponent(facts.number)}&size=200`)).items : [];
  const byItem = new Map();
  for (const a of progress) if (!a.parentId && a.source?.item) byItem.set(a.source.item, a);
  const items = notice.items || [];
  const row = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : []);
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: '/notices.html' }, t('notices.title'))),
    h('h1', {}, t('notice.title', { number: facts.number || '' })),
    h('dl', { class: 'facts' },
      row(t('notices.issuer'), facts.issuer), row(t('notices.issuedOn'), fmtDate(facts.issuedOn)),
      row(t('notices.meetingOn'), fmtDate(facts.meetingOn)), row(t('notices.chair'), facts.chair),
      row(t('notices.signer'), facts.signer)),
    table(t('notices.items'), [t('notices.ordinal'), t('field.title'), t('field.leadUnit'), t('field.deadline'),
      t('notices.progress')], (items.length ? items : [...byItem.values()].map(a => ({ ordinal: a.source.item })))
      .map(item => {
        const a = byItem.get(item.ordinal) || (item.assignmentId && progress.find(x => x.id === item.assignmentId));
        return h('tr', {}, h('th', { scope: 'row' }, item.ordinal),
          h('td', {}, a ? h('a', { href: `/assignment.html?id=${a.id}` }, a.title) : (item.title || '')),
          h('td', {}, a?.leadUnit || item.lead || ''), h('td', {}, a ? deadlineText(a) : fmtDate(item.deadline)),
          h('td', {}, a ? [statusBadge(a.status), ' ', timelinessBadge(a.timeliness)] : ''));
      }), { id: 'notice-items' }),
    h('p', {}, h('a', { href: `/assignments.html?notice=${encodeURIComponent(facts.number || '')}` },
      t('nav.assignments'), ` – ${facts.number || ''}`)));
});
