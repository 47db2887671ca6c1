// The frame of every page: skip link, navigation, who is signed in (name, unit, role), the language
// switch and sign-out. A page module calls start() with its own render function.
import { api, csrfToken, problemText, problemDetail } from './api.js';
import { h, s, clear } from './dom.js';
import { t, lang, setLang, fmtDate, fmtDateTime } from './i18n.js';

const NAV = [
  ['dashboard', '/'],
  ['assignments', '/assignments.html'],
  ['notices', '/notices.html'],
  ['audit', '/audit.html'],
  ['stats', '/stats.html'],
  ['reports', '/reports.html'],
];
/** Pages for administrators only; the server refuses everyone else anyway. */
const ADMIN_NAV = [
  ['admin-users', '/admin-users.html'],
  ['system', '/admin-system.html'],
];

export async function start(page, titleKey, render) {
  document.documentElement.lang = lang();
  let me;
  try {
    me = await api('/api/me');
  } catch (e) {
    document.body.append(h('p', { class: 'error', role: 'alert' }, problemText(e)));
    return;
  }
  document.body.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    header(page, me),
    h('main', { id: 'main', tabindex: '-1' }));
  const main = document.getElementById('main');
  const setTitle = text => {
    document.title = `${text} · Docket`;
  };
  setTitle(t(titleKey));
  main.append(h('p', { class: 'muted' }, t('loading')));
  try {
    await render(main, me, setTitle);
  } catch (e) {
    clear(main, errorBox(e));
  }
}

function header(page, me) {
  const signOut = h('form', { method: 'post', action: '/logout', class: 'signout' },
    h('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }),
    h('button', { type: 'submit', id: 'sign-out' }, t('signOut')));
  const switchLang = h('button', {
    type: 'button', id: 'lang', lang: lang() === 'vi' ? 'en' : 'vi', 'aria-label': t('lang.otherName'),
    onclick: () => { setLang(lang() === 'vi' ? 'en' : 'vi'); location.reload(); },
  }, t('lang.other'));
  // On a phone the header keeps the brand, the bell and the name on one line; the menu button unfolds the
  // navigation and the rest of who is signed in, which would otherwise take a third of the first screen.
  const menu = h('button', { type: 'button', class: 'menu-toggle', id: 'menu-toggle', 'aria-expanded': 'false',
    'aria-controls': 'top-nav', onclick: () => {
      const open = menu.getAttribute('aria-expanded') !== 'true';
      menu.setAttribute('aria-expanded', String(open));
      menu.closest('header').classList.toggle('menu-open', open);
    } }, t('nav.menu'));
  return h('header', { class: 'top' },
    h('div', { class: 'brand' }, h('a', { href: '/' }, 'Docket'), h('span', { class: 'tagline' }, t('app.tagline'))),
    h('nav', { id: 'top-nav', 'aria-label': t('nav.label') }, h('ul', {},
      [...NAV, ...(me.role === 'ADMIN' ? ADMIN_NAV : [])].map(([key, href]) => h('li', {}, h('a', { href, 'aria-current': key === page ? 'page' : null },
        t('nav.' + key)))))),
    h('form', { role: 'search', action: '/search.html', class: 'search', id: 'search' },
      h('label', { for: 'search-q', class: 'sr-only' }, t('search.label')),
      h('input', { type: 'search', name: 'q', id: 'search-q', placeholder: t('search.placeholder'),
        value: page === 'search' ? new URLSearchParams(location.search).get('q') || '' : '' }),
      h('button', { type: 'submit' }, t('search.submit'))),
    h('div', { class: 'who', id: 'who', role: 'group', 'aria-label': t('user.label') },
      bell(),
      h('span', { class: 'name', id: 'who-name' }, me.name),
      h('span', { class: 'unit', id: 'who-unit' }, me.unit || t('noUnit')),
      h('span', { class: 'role', id: 'who-role' }, t('role.' + me.role)),
      h('a', { href: '/tokens.html', id: 'my-tokens', 'aria-current': page === 'tokens' ? 'page' : null }, t('nav.tokens')),
      switchLang, signOut, menu));
}

/**
 * The notifications bell: how many of the person's notifications they have not read, and the latest ones in a
 * panel where each can be marked read, or all at once. Read state is per person, kept by the server.
 */
function bell() {
  const count = h('span', { class: 'bell-count', id: 'bell-count', hidden: true });
  const panel = h('div', { class: 'bell-panel', id: 'bell-panel', hidden: true });
  const button = h('button', { type: 'button', class: 'bell', id: 'bell', 'aria-expanded': 'false',
    'aria-controls': 'bell-panel', 'aria-label': t('bell.label') }, bellIcon(), count);
  const refresh = async () => {
    // The server counts up to 100: 100 means a hundred or more.
    const { unread } = await api('/api/notifications/unread');
    const shown = unread > 99 ? '99+' : String(unread);
    count.textContent = shown;
    count.hidden = unread === 0;
    button.setAttribute('aria-label', unread ? t('bell.unread', { n: shown }) : t('bell.label'));
  };
  const toggle = async open => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      pages = 1;
      await show();
    }
    else button.focus();
  };
  const mark = async path => {
    await api(path, { method: 'POST' });
    await Promise.all([refresh(), show()]);
  };
  // Ten at a time, newest first; "Xem thêm" asks for the next ten, and a mark keeps as many on show.
  let pages = 1;
  const show = async () => {
    const shown = await Promise.all(Array.from({ length: pages },
      (_, page) => api(`/api/notifications?page=${page}&size=10&lang=${lang()}`)));
    // Each page asked on its own: one told meanwhile moves the others down a place, and is not listed twice.
    const items = [...new Map(shown.flatMap(p => p.items).map(n => [n.id, n])).values()];
    const list = { items, more: shown[shown.length - 1].more };
    clear(panel,
      h('div', { class: 'bell-head' }, h('h2', {}, t('bell.title')),
        h('button', { type: 'button', id: 'bell-read-all', onclick: () => mark('/api/notifications/read-all') }, t('bell.readAll')),
        h('button', { type: 'button', id: 'bell-close', onclick: () => toggle(false) }, t('bell.close'))),
      list.items.length === 0 ? h('p', { class: 'muted' }, t('bell.none'))
        // A settled entry (its subject says "đã xử lý") asks nothing any more: the number leaves it out, and it is
        // drawn as the read ones are, without "Đánh dấu đã đọc", though nobody said it was read.
        : h('ul', { id: 'bell-list' }, list.items.map(n => h('li', { class: n.read || n.values?.settled ? 'read' : 'unread' },
          h('a', { href: `/assignment.html?id=${encodeURIComponent(n.assignmentId)}`, class: 'subject' }, n.subject),
          h('p', { class: 'text' }, n.text),
          h('p', { class: 'muted' }, fmtDateTime(n.recordedAt), n.read ? ` · ${t('bell.read')}` : ''),
          n.read || n.values?.settled ? '' : h('button', { type: 'button', class: 'mark-read',
            onclick: () => mark(`/api/notifications/${encodeURIComponent(n.id)}/read`) }, t('bell.markRead'))))),
      list.more ? h('button', { type: 'button', id: 'bell-more', onclick: async () => {
        pages++;
        await show();
        // Where the reader was: at the first of the ten just brought, not back at the top of the panel.
        panel.querySelectorAll('#bell-list li')[(pages - 1) * 10]?.querySelector('a')?.focus();
      } }, t('bell.more')) : '');
  };
  button.addEventListener('click', () => toggle(panel.hidden));
  panel.addEventListener('keydown', event => {
    if (event.key === 'Escape') toggle(false);
  });
  refresh().catch(() => { /* the bell stays empty; the page itself still works */ });
  return h('div', { class: 'bell-wrap' }, button, panel);
}

/** A bell drawn in SVG: an emoji bell needs a font that office machines and headless browsers may lack. */
function bellIcon() {
  return s('svg', { class: 'bell-icon', viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': 'true', focusable: 'false' },
    s('path', { d: 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6z', fill: 'currentColor' }),
    s('circle', { cx: 12, cy: 19.5, r: 2, fill: 'currentColor' }));
}

/**
 * A refusal or a failure in the person's words. typedKept: said under a form that stays as it was typed and chosen
 * (nothing is reset when sending fails), so that a network failure does not send them to type it all again.
 */
export function errorBox(e, { typedKept = false } = {}) {
  return h('div', { class: 'error', role: 'alert' },
    h('p', {}, problemText(e)), problemDetail(e) && h('p', { class: 'detail' }, problemDetail(e)),
    typedKept && e?.problem?.rule === 'network' && h('p', { class: 'typed-kept' }, t('network.typedKept')),
    registeredNotice(e),
    // A form sent after the session ended stays as it was typed: signing in on another tab keeps it (api.js).
    e?.status === 401 && h('p', { class: 'sign-in-again' }, t('signInAgain'), ' ',
      h('a', { href: '/login.html', target: '_blank', id: 'sign-in-again' }, t('signInAgain.link'))));
}

/**
 * The notice that already holds a number (or came from the same file), named by the server's link: a clerk who typed
 * that number for another notice opens it rather than search the list for it.
 */
function registeredNotice(e) {
  const link = e?.problem?.rule === 'notice-already-registered' && e.problem.link;
  const id = link && link.split('/').pop();
  return id && h('p', {}, h('a', { href: `/notice.html?id=${encodeURIComponent(id)}`, class: 'registered-notice' },
    t('notice.openRegistered')));
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t('status.' + status));
}

export function timelinessBadge(timeliness) {
  return timeliness ? h('span', { class: `badge tl-${timeliness}` }, t('timeliness.' + timeliness)) : '';
}

export function assignmentLink(a) {
  return h('a', { href: `/assignment.html?id=${encodeURIComponent(a.id)}` }, a.title);
}

/** A notice's number, or words saying it has none (a draft notice is registered before it gets one). */
export function noticeNumber(number) {
  return number || t('notice.unnumbered');
}

/**
 * A registered notice by its type and number ("Công văn số 9387/UBND-KT", "Thông báo số 311/TB-UBND"): the server
 * reads the type from the number's symbol, since letters and decisions assign tasks as well as conclusion notices do.
 */
export function noticeName(notice) {
  if (!notice.number) return t('notice.titleUnnumbered');
  return t('notice.title', { type: t('documentType.' + (notice.documentType || 'NONE')), number: notice.number });
}

/**
 * A notice's issue date; for a draft notice that leaves the day blank ("ngày   tháng 11 năm 2020") the month it gives,
 * so that the registered notice still says when it was written and that its day is not known yet.
 */
export function issuedText(notice) {
  if (notice.issuedOn || !notice.issuedMonth) return fmtDate(notice.issuedOn);
  const [year, month] = notice.issuedMonth.split('-');
  // "tháng 3/2021" as the notices write a month, not "03/2021".
  return t('notice.issuedMonthOnly', { month: `${+month}/${year}` });
}

/**
 * Where an assignment comes from: its notice and item, linked to the notice when it was registered. With the words
 * of a search ({@code q}), their places in the notice's number are marked ({@link marked}): the search reads the
 * number, not "mục N" nor the words standing for a number not given yet.
 */
export function sourceText(source, q) {
  if (!source) return '';
  const number = source.notice ? marked(h('span', {}, source.notice), q) : noticeNumber(source.notice);
  const item = source.item ? ` – ${t('field.item').toLocaleLowerCase(lang())} ${source.item}` : '';
  return source.noticeId ? h('a', { href: `/notice.html?id=${encodeURIComponent(source.noticeId)}` }, number, item)
    : h('span', {}, number, item);
}

export function deadlineText(a) {
  if (!a.deadline) return t('list.noDeadline');
  const changed = a.originalDeadline && a.originalDeadline !== a.deadline;
  return h('span', {}, fmtDate(a.deadline),
    changed ? h('span', { class: 'original' }, ' (', t('detail.originalMarked', { date: fmtDate(a.originalDeadline) }), ')') : '');
}

/**
 * The pager under a paged list (pages count from 0): "Trang 2/5 · 95 mục" between links to the pages either side.
 * On a page past the end (a link kept from when the list or its filter held more) it said "Trang 8/2", and
 * "Trang trước" led to page 7, as empty: there it claims no page, since none is true of an empty table and "Trang
 * 2/2" would pass the empty table off as the last page; it offers the last page, and the page above says why its
 * list is empty (pastEnd).
 */
export function pager({ page, size, total, query }) {
  const pages = pageCount(total, size);
  const link = (n, label, rel) => {
    const q = new URLSearchParams(query);
    q.set('page', n);
    return h('a', { href: '?' + q, rel, class: 'button-link' }, label);
  };
  if (pastEnd(page, total, size)) {
    return h('nav', { class: 'pager', 'aria-label': t('pager') }, link(pages - 1, t('pager.last', { page: pages })));
  }
  const where = t('page', { page: page + 1, pages, total });
  return h('nav', { class: 'pager', 'aria-label': where },
    page > 0 ? link(page - 1, t('prev'), 'prev') : '',
    h('span', { id: 'page-info' }, where),
    page + 1 < pages ? link(page + 1, t('next'), 'next') : '');
}

/** How many pages a list of {@code total} fills, at least one (an empty list is one empty page). */
export function pageCount(total, size) {
  return Math.max(1, Math.ceil(total / size));
}

/** A page no item reaches: the list has fewer pages than the address asks for. */
export function pastEnd(page, total, size) {
  return page >= pageCount(total, size);
}

export function section(titleText, ...children) {
  const id = 'h-' + Math.random().toString(36).slice(2, 8);
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, titleText), ...children);
}

/**
 * A table with a caption for screen readers. Under 600 px it is a column of cards: the first cell (or the one the
 * page marked card-title) heads the card, every other cell is named by its column's header.
 */
export function table(caption, headers, rows, attrs = {}) {
  const bodyRows = [rows].flat(Infinity).filter(row => row instanceof Element);
  // A column of figures is right-aligned, and so is its header: a left-aligned header over right-aligned figures
  // stands nearer the next column's figures than its own.
  const figures = headers.map((_, i) => bodyRows.length > 0 && bodyRows.every(row => row.children[i]?.classList.contains('num')));
  for (const row of bodyRows) {
    const cells = [...row.children];
    const titled = cells.some(cell => cell.classList.contains('card-title'));
    cells.forEach((cell, i) => {
      if (i === 0 && !titled) cell.classList.add('card-title');
      else if (!cell.classList.contains('card-title') && !cell.hasAttribute('data-label') && headers[i]) {
        cell.setAttribute('data-label', headers[i]);
      }
    });
  }
  const classes = [attrs.class, 'card-list'].filter(Boolean).join(' ');
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { ...attrs, class: classes },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: figures[i] ? 'num' : null }, x)))),
    h('tbody', {}, rows)));
}

export const KINDS = ['PLAN', 'REPORT', 'SCHEME', 'PROGRAMME', 'OTHER'];

let directory;

/** The unit directory: each unit's name and the other ways it is written. Read once per page. */
export function unitDirectory() {
  // A node without the unit directory answers none: the fields then take names as typed.
  directory ??= api('/api/units').catch(() => []);
  return directory;
}

/** The directory's units and those seen on assignments, for the suggestions of unit fields (free text stays allowed). */
export async function unitList(me) {
  const ownUnit = me.unit && me.unitMember;
  const seen = new Set([...(ownUnit ? [me.unit] : []), ...(await unitDirectory()).map(u => u.name)]);
  return h('datalist', { id: 'units' }, [...seen].sort((x, y) => x.localeCompare(y, 'vi')).map(u => h('option', { value: u })));
}

/** Lower case without tone marks, đ as d: as the server folds what is typed and what it searches (Text.folded). */
function folded(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Marks where the words of the search {@code q} are in the text under {@code node}, found as the server finds them
 * (case and tone marks aside), so that a person sees why a task was found (a task found by a unit's other name,
 * "qldt", shows no mark). Each character is folded alone, so a place in the folded text is known in the original.
 * Pass only what the search reads (a title, a unit's name, a notice's number), not the status badges.
 */
export function marked(node, q) {
  if (!q || !q.trim()) return node;
  // Split as the server splits what is typed: at ASCII white space and no-break spaces only.
  const words = folded(q).split(/[ \t\n\v\f\r\u00A0]+/).filter(w => w);
  const texts = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode);
  for (const text of texts) {
    let flat = '';
    const from = []; // for each character of flat, where in text.data the character it came from begins and ends
    const to = [];
    let at = 0;
    for (const c of text.data) {
      const f = folded(c);
      // A tone mark standing apart folds to nothing: it belongs to the letter before it, and to that letter's mark.
      if (!f && to.length) to[to.length - 1] = at + c.length;
      flat += f;
      // One entry per UTF-16 unit of the folded text, as indexOf counts them (an emoji is two).
      for (let k = 0; k < f.length; k++) {
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

/** Case, tone marks and spacing aside, as a person may type a unit's name. */
function foldedName(text) {
  return folded(text).replace(/\s+/g, ' ').trim();
}

/**
 * A unit typed in a filter another way ("TC-KH", "phòng qlđt") as the directory names it: its tasks are stored under
 * that name, so the filter finds them rather than nothing. A name the directory does not know stays as typed.
 */
export async function unitName(typed) {
  if (!typed) return typed;
  const key = foldedName(typed);
  const found = (await unitDirectory()).filter(u => [u.name, ...u.aliases].some(n => foldedName(n) === key));
  return found.length === 1 ? found[0].name : typed;
}

/** The directory's name for a unit typed any way it knows ("TC-KH"), or null for a name none of its units has. */
export async function directoryName(typed) {
  const named = await unitName(typed);
  return (await unitDirectory()).some(u => u.name === named) ? named : null;
}

/**
 * A unit field of a form that records a unit: a short name is written out in full once the person leaves the field
 * ("TC-KH" → Phòng Tài chính - Kế hoạch, as Docket records it), and a name no unit of the directory has is said to
 * be so: a typo records a unit nobody belongs to, whose tasks no unit's staff see. The name may still be sent. A
 * textarea holds a unit a line (the coordinating units): each line is written out, and those of no unit are named.
 */
export function unitField(wrap) {
  const note = h('small', { class: 'hint unit-note', 'aria-live': 'polite' });
  const lines = wrap.input.tagName === 'TEXTAREA';
  wrap.append(note);
  wrap.input.addEventListener('change', async () => {
    const typed = lines ? wrap.input.value.split('\n').map(line => line.trim()).filter(Boolean) : [wrap.input.value.trim()];
    const named = await Promise.all(typed.map(unitName));
    if (named.some((name, i) => name !== typed[i])) wrap.input.value = named.join('\n');
    const directory = await unitDirectory();
    const unknown = named.filter(name => name && !directory.some(u => u.name === name));
    note.textContent = unknown.length === 0 ? ''
      : lines ? t('unit.linesNotInDirectory', { units: unknown.join('; ') }) : t('unit.notInDirectory');
  });
  return wrap;
}
