// One version of a draft as it was handed in: a PDF shown in the page, any other document as the text
// Docket read from it, with the file to download either way.
import { api } from '../api.js';
import { h, clear, param, assignmentParam } from '../dom.js';
import { t, fmtSize } from '../i18n.js';
import { start, section, errorBox } from '../layout.js';

start('assignments', 'draft.title', async (main, me, setTitle) => {
  const id = assignmentParam();
  const version = Number(param('v'));
  if (!id || !Number.isInteger(version) || version < 1) {
    clear(main, h('p', { class: 'error' }, t('detail.notFound')));
    return;
  }
  const at = `/api/assignments/${id}/drafts/${version}`;
  let assignment, text;
  try {
    [assignment, text] = await Promise.all([api(`/api/assignments/${id}`), api(`${at}/text`)]);
  } catch (e) {
    clear(main, e.status === 404 ? h('p', { class: 'error' }, t('draft.notFound')) : errorBox(e));
    return;
  }
  setTitle(`v${version} · ${text.documentName}`);
  const pdf = text.mediaType === 'application/pdf';
  const facts = [t('draft.type.' + (pdf ? 'pdf' : text.mediaType.includes('wordprocessingml') ? 'docx'
    : text.mediaType.includes('opendocument') ? 'odt' : 'txt')), fmtSize(text.size),
  text.pageCount ? t('draft.pages', { n: text.pageCount }) : null, t('draft.words', { n: text.wordCount })].filter(Boolean);
  const paragraphs = h('div', { class: 'draft-text', id: 'draft-text', lang: 'vi' },
    text.paragraphs.map(p => h('p', {}, p)));
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: `/assignment.html?id=${id}`, id: 'back' }, assignment.title)),
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
