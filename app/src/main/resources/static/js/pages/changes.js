// What changed between two versions of a draft: the figures, then every paragraph, inline (words removed struck
// through, words added underlined) or side by side. Long unchanged stretches fold away; at phone width the two
// sides stack.
import { api } from '../api.js';
import { h, clear, param, assignmentParam } from '../dom.js';
import { t } from '../i18n.js';
import { start, section, table, errorBox } from '../layout.js';

/** Unchanged paragraphs shown around a change; longer unchanged stretches are folded. */
const CONTEXT = 2;

start('assignments', 'changes.title', async (main, me, setTitle) => {
  const id = assignmentParam();
  if (!id) {
    clear(main, h('p', { class: 'error' }, t('detail.notFound')));
    return;
  }
  // A link opened by hand with a version missing or mistyped said "Không tìm thấy nhiệm vụ này." of an assignment that
  // exists, and one naming a version that does not exist said the same of the draft: the assignment is read first, and
  // the page says what is wrong with the versions, under a link back to it.
  const version = name => (/^[1-9]\d*$/.test(param(name) || '') ? Number(param(name)) : null);
  const to = version('v');
  const from = param('from') ? version('from') : to && to - 1;
  const [assignment, changes, path] = await Promise.all([api(`/api/assignments/${id}`).catch(e => e),
    to && from ? api(`/api/assignments/${id}/drafts/${to}/changes?from=${from}`).catch(e => e) : null,
    api(`/api/assignments/${id}/path`).catch(e => e)]);
  const wrong = [assignment, path].find(answer => answer instanceof Error);
  if (wrong) {
    clear(main, wrong.status === 404 ? h('p', { class: 'error' }, t('detail.notFound')) : errorBox(wrong));
    return;
  }
  const back = h('p', { class: 'crumbs' }, h('a', { href: `/assignment.html?id=${id}`, id: 'back' }, assignment.title));
  const problem = text => clear(main, back, h('p', { class: 'error', id: 'changes-problem' }, text));
  if (!to || (param('from') && !from)) return problem(t('changes.versionsMissing'));
  if (!from) return problem(t('changes.first'));
  if (changes instanceof Error) {
    // The read model's latest version names which of the two is missing (whatever else the server found wrong, as a
    // "from" after "v"); a version it knows had no file to compare.
    const missing = [to, from].find(v => v > (assignment.currentVersion || 0));
    if (missing) {
      return problem(assignment.currentVersion ? t('changes.noVersion', { version: missing, latest: assignment.currentVersion })
        : t('changes.noDraft'));
    }
    if (changes.status !== 404) return clear(main, back, errorBox(changes)); // v compared with itself or a later one, a scan
    return problem(t('draft.notFound'));
  }
  setTitle(t('changes.heading', { to, from }));
  const f = changes.figures;
  const figure = (key, value) => h('div', { class: 'figure', id: 'changes-' + key },
    h('span', { class: 'value' }, value), h('span', { class: 'label' }, t('changes.' + key)));
  const view = h('div', { id: 'changes-view' });
  const inline = h('button', { type: 'button', id: 'show-inline', 'aria-pressed': 'true' }, t('changes.inline'));
  const sideBySide = h('button', { type: 'button', id: 'show-side', 'aria-pressed': 'false' },
    t('changes.sideBySide'));
  const show = mode => {
    inline.setAttribute('aria-pressed', String(mode === 'inline'));
    sideBySide.setAttribute('aria-pressed', String(mode === 'side'));
    clear(view, mode === 'inline' ? inlineView(changes.paragraphs, from, to) : sideView(changes.paragraphs, from, to));
  };
  inline.addEventListener('click', () => show('inline'));
  sideBySide.addEventListener('click', () => show('side'));
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: `/assignment.html?id=${id}`, id: 'back' }, assignment.title), ' · ',
      h('a', { href: `/draft.html?id=${id}&v=${to}` }, t('detail.readDraft', { version: to }))),
    h('h1', { id: 'changes-title' }, t('changes.heading', { to, from })),
    h('section', { class: 'figures', 'aria-label': t('changes.figures') },
      figure('changed', f.paragraphsChanged), figure('added', f.paragraphsAdded), figure('removed', f.paragraphsRemoved),
      figure('words', f.wordsChanged)),
    h('p', { class: 'draft-actions', role: 'group', 'aria-label': t('changes.view') }, inline, sideBySide),
    // The leader judges the answers against the text: the table beside the changes (above them on a phone).
    h('div', { class: 'changes-layout' },
      h('div', { class: 'changes-answers' }, section(t('changes.answers', { to }), answerTable(path, to))),
      h('div', { class: 'changes-text' }, section(t('changes.paragraphs'), view))));
  show('inline');
});

/**
 * How version {@code to} answered the revision points: each point it answered (taken in, where; explained, why
 * not), then those still waiting for an answer.
 */
function answerTable(path, to) {
  const step = path.steps.find(x => x.type === 'POINTS_ANSWERED' && x.version === to);
  const answers = step?.details?.answers || [];
  const points = path.points || [];
  const text = id => points.find(p => p.id === id)?.text || '';
  const waiting = points.filter(p => (p.status === 'OPEN' || p.status === 'REOPENED') && p.raisedOnVersion < to
    && !answers.some(a => a.point === p.id));
  if (!answers.length && !waiting.length) return h('p', { class: 'muted', id: 'no-answers' }, t('changes.noAnswers', { to }));
  const row = (id, answer, note) => h('tr', { 'data-point': id },
    h('td', { class: 'card-title' }, h('strong', {}, id), ' ', text(id)),
    h('td', { 'data-label': t('changes.answer') }, h('span', { class: `badge answer-${answer || 'none'}` }, answer ? t('points.answer.' + answer)
      : t('points.status.OPEN')), note ? [h('br'), note] : ''));
  return table(t('changes.answers', { to }), [t('changes.point'), t('changes.answer')],
    [...answers.map(a => row(a.point, a.answer, a.note)), ...waiting.map(p => row(p.id, null, null))],
    { id: 'answer-table', class: 'answers card-list' });
}

/**
 * The runs of words of an edited paragraph, a space between each, except before a closing mark or after an opening
 * one: a punctuation mark is a run of its own when only it changed ("năm." to "năm;").
 */
function segments(list, keep) {
  const shown = list.filter(s => keep.includes(s.op));
  return shown.map((s, i) => [i > 0 && !/^[.,;:!?…)\]}”’%]/.test(s.text) && !/[(\[{“‘]$/.test(shown[i - 1].text) ? ' ' : '',
    s.op === 'SAME' ? s.text : h(s.op === 'ADDED' ? 'ins' : 'del', {}, s.text)]);
}

/** Runs of unchanged paragraphs longer than twice the context fold into one line that opens them. */
function folded(paragraphs, render) {
  const out = [];
  for (let i = 0; i < paragraphs.length;) {
    if (paragraphs[i].kind !== 'SAME') { out.push(render(paragraphs[i])); i++; continue; }
    let end = i;
    while (end < paragraphs.length && paragraphs[end].kind === 'SAME') end++;
    const run = paragraphs.slice(i, end);
    const head = i === 0 ? 0 : CONTEXT;
    const tail = end === paragraphs.length ? 0 : CONTEXT;
    if (run.length > head + tail + 1) {
      run.slice(0, head).forEach(p => out.push(render(p)));
      const hidden = run.slice(head, run.length - tail);
      out.push(h('details', { class: 'unchanged' }, h('summary', {}, t('changes.unchanged', { n: hidden.length })),
        hidden.map(render)));
      run.slice(run.length - tail).forEach(p => out.push(render(p)));
    } else {
      run.forEach(p => out.push(render(p)));
    }
    i = end;
  }
  return out;
}

function inlineView(paragraphs) {
  return h('div', { class: 'changes inline', id: 'changes-inline', lang: 'vi' }, folded(paragraphs, p => {
    switch (p.kind) {
      case 'ADDED': return h('p', { class: 'added' }, h('span', { class: 'sr-only' }, t('changes.addedMark')), h('ins', {}, p.text));
      case 'REMOVED': return h('p', { class: 'removed' }, h('span', { class: 'sr-only' }, t('changes.removedMark')), h('del', {}, p.text));
      case 'CHANGED': return h('p', { class: 'changed' }, segments(p.segments, ['SAME', 'REMOVED', 'ADDED']));
      default: return h('p', { class: 'same' }, p.text);
    }
  }));
}

function sideView(paragraphs, from, to) {
  // At phone width the sides stack: each then says which version it is.
  // An unchanged paragraph needs no label: at phone width it is shown once.
  const side = (version, content, kind) => (content === '' || kind === 'same' ? content
    : [h('span', { class: 'side-label' }, `v${version}: `), content]);
  const row = (before, after, kind) => h('div', { class: 'row ' + kind },
    h('div', { class: 'before' }, side(from, before, kind)), h('div', { class: 'after' }, side(to, after, kind)));
  return h('div', { class: 'changes side', id: 'changes-side', lang: 'vi' },
    h('div', { class: 'row heading', 'aria-hidden': 'true' }, h('div', {}, `v${from}`), h('div', {}, `v${to}`)),
    folded(paragraphs, p => {
      switch (p.kind) {
        case 'ADDED': return row('', h('ins', {}, p.text), 'added');
        case 'REMOVED': return row(h('del', {}, p.text), '', 'removed');
        case 'CHANGED': return row(segments(p.segments, ['SAME', 'REMOVED']), segments(p.segments, ['SAME', 'ADDED']), 'changed');
        default: return row(p.text, p.text, 'same');
      }
    }));
}
