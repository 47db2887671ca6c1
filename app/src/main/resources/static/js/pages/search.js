// Search from the header: assignments whose title, units or notice number hold every word typed, with or
// without tone marks, and the units whose names match: both the server's answers (GET /api/units?q=).
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { start, section, statusBadge, timelinessBadge, assignmentLink, sourceText } from '../layout.js';

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
  const words = folded(q).split(/\s+/);
  clear(main,
    h('h1', {}, t('search.resultsFor', { q })),
    section(t('search.units'), matchingUnits.length === 0 ? h('p', { class: 'muted' }, t('none'))
      : h('ul', { id: 'search-units' }, matchingUnits.map(u => h('li', {},
        marked(h('a', { href: `/assignments.html?unit=${encodeURIComponent(u)}` }, u), words))))),
    section(t('search.assignments', { n: found.total }),
      found.items.length === 0 ? h('p', { class: 'muted', id: 'search-none' }, t('search.none'))
        : h('ul', { class: 'cards', id: 'search-assignments' }, found.items.map(a => h('li', {},
          marked(assignmentLink(a), words), h('div', { class: 'meta' }, statusBadge(a.status), ' ',
            timelinessBadge(a.timeliness), ' · ', marked(h('span', {}, a.leadUnit), words),
            a.deadline ? ` · ${t('field.deadline')}: ${fmtDate(a.deadline)}` : '',
            a.source ? h('span', {}, ' · ', marked(h('span', {}, sourceText(a.source)), words)) : '')))),
      found.total > found.items.length ? h('p', {}, h('a', { href: `/assignments.html?q=${encodeURIComponent(q)}` },
        t('search.more', { n: found.total }))) : ''));
});

/** Lower case without tone marks, đ as d: as the server folds what is typed and what it searches (Text.folded). */
function folded(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Marks where the words typed are in the text under {@code node}, found as the server finds them (case and tone marks
 * aside), so that a person sees why a task was found; a task found by a unit's other name ("qldt") or its notice's
 * number shows those marked, or nothing. Each character is folded alone, so a place in the folded text is known in the
 * original; the status and timeliness badges are not passed here, as the search does not read them.
 */
function marked(node, words) {
  const texts = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode);
  for (const text of texts) {
    let flat = '';
    const from = []; // for each character of flat, where in text.data the character it came from begins and ends
    const to = [];
    let at = 0;
    for (const c of text.data) {
      for (const f of folded(c)) {
        flat += f;
        from.push(at);
        to.push(at + c.length);
      }
      at += c.length;
    }
    const spans = [];
    for (const word of words) {
      for (let i = flat.indexOf(word); word && i >= 0; i = flat.indexOf(word, i + 1)) {
        spans.push([from[i], to[i + word.length - 1]]);
      }
    }
    if (spans.length === 0) continue;
    // Overlapping or touching places ("đèn" and "en" typed together) are marked as one.
    spans.sort((x, y) => x[0] - y[0]);
    const merged = [spans[0]];
    for (const [start, end] of spans.slice(1)) {
      const last = merged[merged.length - 1];
      if (start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    const parts = [];
    let done = 0;
    for (const [start, end] of merged) {
      parts.push(text.data.slice(done, start), h('mark', {}, text.data.slice(start, end)));
      done = end;
    }
    parts.push(text.data.slice(done));
    text.replaceWith(...parts);
  }
  return node;
}
