// Search from the header: assignments whose title, units or notice number hold every word typed, with or
// without tone marks, and the units whose names match: both the server's answers (GET /api/units?q=).
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { start, section, statusBadge, timelinessBadge, assignmentLink, sourceText, marked } from '../layout.js';

start('search', 'search.title', async (main) => {
  const q = (new URLSearchParams(location.search).get('q') || '').trim();
  if (!q) {
    clear(main, h('h1', {}, t('search.title')), h('p', { class: 'muted' }, t('search.empty')));
    return;
  }
  // A unit matches by its name or by any other way notices write it (its aliases).
  const [found, units] = await Promise.all([api(`/api/assignments?q=${encodeURIComponent(q)}&size=50`),
    api(`/api/units?q=${encodeURIComponent(q)}`)]);
  const matchingUnits = units.map(u => u.name);
  clear(main,
    h('h1', {}, t('search.resultsFor', { q })),
    section(t('search.units'), matchingUnits.length === 0 ? h('p', { class: 'muted' }, t('none'))
      : h('ul', { id: 'search-units' }, matchingUnits.map(u => h('li', {},
        marked(h('a', { href: `/assignments.html?unit=${encodeURIComponent(u)}` }, u), q))))),
    section(t('search.assignments', { n: found.total }),
      found.items.length === 0 ? h('p', { class: 'muted', id: 'search-none' }, t('search.none'))
        : h('ul', { class: 'cards', id: 'search-assignments' }, found.items.map(a => h('li', {},
          marked(assignmentLink(a), q), h('div', { class: 'meta' }, statusBadge(a.status), ' ',
            timelinessBadge(a.timeliness), ' · ', marked(h('span', {}, a.leadUnit), q),
            a.deadline ? ` · ${t('field.deadline')}: ${fmtDate(a.deadline)}` : '',
            a.source ? h('span', {}, ' · ', sourceText(a.source, q)) : '')))),
      found.total > found.items.length ? h('p', {}, h('a', { href: `/assignments.html?q=${encodeURIComponent(q)}` },
        t('search.more', { n: found.total }))) : ''));
});

