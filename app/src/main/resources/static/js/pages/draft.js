// One version of a draft as it was handed in: a PDF shown in the page, any other document as the text
// Docket read from it, with the file to download either way.
import { api } from '../api.js';
import { h, clear, param, assignmentParam } from '../dom.js';
import { t, fmtSize, fmtFileKind } from '../i18n.js';
import { start, section, errorBox } from '../layout.js';

start('assignments', 'draft.title', async (main, me, setTitle) => {
  const id = assignmentParam();
  if (!id) {
    clear(main, h('p', { class: 'error' }, t('detail.notFound')));
    return;
  }
  // As on the changes page: a version missing or mistyped in a link said the assignment was not found.
  const version = /^[1-9]\d*$/.test(param('v') || '') ? Number(param('v')) : null;
  const at = `/api/assignments/${id}/drafts/${version}`;
  const [assignment, text] = await Promise.all([api(`/api/assignments/${id}`).catch(e => e),
    version ? api(`${at}/text`).catch(e => e) : null]);
  if (assignment instanceof Error) {
    clear(main, assignment.status === 404 ? h('p', { class: 'error' }, t('detail.notFound')) : errorBox(assignment));
    return;
  }
  const back = h('p', { class: 'crumbs' }, h('a', { href: `/assignment.html?id=${id}`, id: 'back' }, assignment.title));
  const problem = words => clear(main, back, h('p', { class: 'error', id: 'draft-problem' }, words));
  if (!version) return problem(t('draft.versionMissing'));
  if (text instanceof Error) {
    if (text.status !== 404) return clear(main, back, errorBox(text));
    if (version <= (assignment.currentVersion || 0)) return problem(t('draft.notFound')); // handed in without a file
    return problem(assignment.currentVersion ? t('changes.noVersion', { version, latest: assignment.currentVersion })
      : t('draft.noDraft'));
  }
  setTitle(`v${version} · ${text.documentName}`);
  const pdf = text.mediaType === 'application/pdf';
  const facts = [fmtFileKind(text.mediaType), fmtSize(text.size),
  text.pageCount ? t('draft.pages', { n: text.pageCount }) : null, t('draft.words', { n: text.wordCount })].filter(Boolean);
  const paragraphs = h('div', { class: 'draft-text', id: 'draft-text', lang: 'vi' },
    text.paragraphs.map(p => h('p', {}, p)));
  clear(main,
    back,
    h('h1', { id: 'draft-title' }, t('draft.heading', { version }), ' ', h('span', { class: 'doc-name' }, text.documentName)),
    h('p', { class: 'draft-facts', id: 'draft-facts' }, facts.join(' · ')),
    h('p', { class: 'draft-actions' },
      h('a', { class: 'button-link primary', id: 'download', href: `${at}/file`, download: '' }, t('draft.download')),
      pdf ? h('a', { class: 'button-link', id: 'open-pdf', href: `${at}/file?inline=true`, target: '_blank',
        rel: 'noopener' }, t('draft.openPdf')) : '',
      version > 1 ? h('a', { class: 'button-link', id: 'changes', href: `/changes.html?id=${id}&v=${version}` },
        t('draft.changes', { from: version - 1 })) : ''),
    text.textLayer ? '' : h('p', { class: 'warnings', id: 'no-text-layer' }, t('draft.noTextLayer')),
    pdf ? section(t('draft.document'), h('iframe', { class: 'pdf', id: 'pdf', src: `${at}/file?inline=true`,
      title: text.documentName })) : '',
    text.textLayer ? section(pdf ? t('draft.extracted') : t('draft.document'), paragraphs) : '');
});
