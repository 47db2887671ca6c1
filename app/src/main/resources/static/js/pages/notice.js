// One registered notice: its facts and each item's assignment with its progress.
import { api } from '../api.js';
import { h, clear, param } from '../dom.js';
import { t, fmtDate } from '../i18n.js';
import { start, table, statusBadge, timelinessBadge, deadlineText, errorBox, issuedText, section, noticeName } from '../layout.js';
import { commandForm, field } from '../forms.js';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

start('notices', 'notices.title', async (main, me, setTitle) => {
  const id = param('id');
  let notice;
  try {
    notice = await api(`/api/notices/${encodeURIComponent(id || '')}`);
  } catch (e) {
    clear(main, h('p', { class: 'crumbs' }, h('a', { href: '/notices.html' }, t('notices.title'))),
      // An id the server cannot read (a link cut short) is as unknown as one it does not hold.
      e.status === 404 || e.status === 400 ? h('p', { class: 'error' }, t('notice.unknown')) : errorBox(e));
    return;
  }
  const facts = notice.notice || notice;
  const title = noticeName(facts);
  setTitle(title);
  // Each item: its lead's assignment first, then the contributions that feed it (child assignments). An item given to
  // several units ("Vườn quốc gia Hoàng Liên, các Công ty Lâm nghiệp ...") has an assignment for each: all are listed.
  const items = (notice.itemsWithProgress || []).map(item => {
    const leads = item.assignments.filter(a => !a.parentId);
    return {
      ordinal: item.ordinal,
      main: leads[0] || item.assignments[0],
      leads,
      contributions: item.assignments.filter(a => a.parentId),
    };
  });
  const row = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : []);
  const progress = a => [statusBadge(a.status), ' ', timelinessBadge(a.timeliness)];
  clear(main,
    h('p', { class: 'crumbs' }, h('a', { href: '/notices.html' }, t('notices.title'))),
    h('h1', {}, title),
    h('dl', { class: 'facts' },
      row(t('notices.issuer'), facts.issuer), row(t('notices.issuedOn'), issuedText(facts)),
      row(t('notices.meetingOn'), fmtDate(facts.meetingOn)), row(t('notices.chair'), facts.chair),
      row(t('notices.signer'), facts.signer)),
    me.role !== 'CLERK' ? '' : facts.number ? correctionForm(id, facts.number) : numberForm(id),
    table(t('notices.items'), [t('notices.ordinal'), t('field.title'), t('field.leadUnit'), t('field.deadline'),
      t('notices.progress'), t('notices.contributions')], items.map(item => h('tr', {},
      h('th', { scope: 'row', class: 'ordinal' }, item.ordinal),
      // On a phone the row is a card headed by the item's number and title: a bare "1" heads nothing a clerk knows.
      h('td', { class: 'card-title' }, h('span', { class: 'card-ordinal' }, t('notice.cardOrdinal', { ordinal: item.ordinal })),
        h('a', { href: `/assignment.html?id=${item.main.id}` }, item.main.title)),
      item.leads.length > 1
        ? h('td', {}, h('ul', { class: 'plain item-leads' }, item.leads.map(a =>
          h('li', {}, h('a', { href: `/assignment.html?id=${a.id}` }, a.leadUnit), ' ', progress(a)))))
        : h('td', {}, item.main.leadUnit),
      h('td', {}, deadlineText(item.main)), h('td', {}, item.leads.length > 1 ? '' : progress(item.main)),
      h('td', {}, item.contributions.length === 0 ? '' : h('ul', { class: 'plain' }, item.contributions.map(c =>
        // The day the input is due, named: a bare date beside the unit, under the lead's "Hạn hoàn thành", said nothing.
        h('li', {}, h('a', { href: `/assignment.html?id=${c.id}` }, c.leadUnit),
          c.deadline ? [' – ', h('span', { class: 'nowrap' }, t('notice.contributionDue', { date: fmtDate(c.deadline) }))] : '',
          ' ', progress(c))))))), { id: 'notice-items' }),
    // A notice numbered after registration too: its assignments are listed under the number it was given.
    facts.number ? h('p', {}, h('a', { href: `/assignments.html?notice=${encodeURIComponent(facts.number)}` },
      t('nav.assignments'), ` – ${facts.number}`)) : '');
});

/**
 * A number recorded wrongly (a typo, another notice's number): corrected with the reason, folded away as it is rare.
 * Its assignments follow it; the audit log keeps the old number and the reason. Drawn again once the list has it.
 */
function correctionForm(id, number) {
  const at = `/api/notices/${encodeURIComponent(id)}`;
  return h('details', { class: 'correction', id: 'number-correction' }, h('summary', {}, t('notice.correctTitle')),
    h('p', { class: 'hint' }, t('notice.correctHint', { number })), commandForm({
      id: 'correction-form', submit: t('notice.correctSubmit'),
      fields: [field({ name: 'number', label: t('notice.correctNumber'), required: true, placeholder: '150/TB-UBND' }),
        field({ name: 'issuedOn', label: t('notices.issuedOn'), type: 'date', notFuture: true,
          hint: t('notice.correctDateHint') }),
        field({ name: 'reason', label: t('field.reason'), required: true })],
      path: `${at}/number-correction`,
      body: v => ({ number: v.number.normalize('NFC'), issuedOn: v.issuedOn || null, reason: v.reason }),
      done: async (answer, v) => {
        for (let i = 0; i < 40 && (await api(at)).number !== v.number.normalize('NFC').trim(); i++) await sleep(250);
        location.reload();
      },
    }));
}

/**
 * A notice registered as a draft, without its number: when the signed copy arrives the clerk gives it that number,
 * and the copy's date where the draft gave only the month. The page is drawn again once the notices' list has it.
 */
function numberForm(id) {
  const at = `/api/notices/${encodeURIComponent(id)}`;
  return section(t('notice.numberTitle'), h('p', { class: 'hint' }, t('notice.numberHint')), commandForm({
    id: 'number-form', submit: t('notice.numberSubmit'),
    fields: [field({ name: 'number', label: t('notices.number'), required: true, placeholder: '150/TB-UBND' }),
      field({ name: 'issuedOn', label: t('notices.issuedOn'), type: 'date', notFuture: true })],
    path: `${at}/number`,
    body: v => ({ number: v.number.normalize('NFC'), issuedOn: v.issuedOn || null }),
    done: async () => {
      for (let i = 0; i < 40 && !(await api(at)).number; i++) await sleep(250);
      location.reload();
    },
  }));
}
