// The follow-up report (Báo cáo kết quả thực hiện nhiệm vụ được giao): choose a period, a unit and an as-of
// date; the figures come from GET /api/reports/follow-up, the same the spreadsheet and the CSV carry. Printed,
// the page takes the usual form of such a report: issuing body and national motto, title, period, the
// appendix table and the signer block (the print stylesheet hides the rest).
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, fmtDate, lang, todayIso } from '../i18n.js';
import { start, unitList, unitName, errorBox } from '../layout.js';
import { field, read, setError } from '../forms.js';

const PERIODS = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'last-year', 'custom'];

/** The report's columns after STT and the unit, in the order of the printed table and the sheet. */
const FIGURES = ['assigned', 'carriedOver', 'total', 'doneOnTime', 'doneLate', 'openWithinDeadline', 'openOverdue',
  'openOverdueUnder30Days', 'openOverdue30To90Days', 'openOverdueOver90Days', 'meanRevisionRounds',
  'meanDaysToApproval', 'cancelled'];

const number = v => (v === null || v === undefined ? '–'
  : new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(v));

start('reports', 'reports.title', async (main, me) => {
  const query = new URLSearchParams(location.search);
  // "TC-KH" typed (or linked) for Phòng Tài chính - Kế hoạch: the report is the unit's, not an empty one.
  const unit = await unitName(query.get('unit'));
  const period = PERIODS.includes(query.get('period')) ? query.get('period') : (query.get('from') ? 'custom' : 'this-quarter');
  const fields = [
    field({ name: 'period', label: t('reports.period'), type: 'select', value: period,
      options: PERIODS.map(p => [p, t('reports.period.' + p)]) }),
    field({ name: 'from', label: t('reports.from'), type: 'date', value: fmtDate(query.get('from')),
      hint: t('reports.customHint') }),
    field({ name: 'to', label: t('reports.to'), type: 'date', value: fmtDate(query.get('to')) }),
    field({ name: 'unit', label: t('field.unit'), value: unit, list: 'units',
      // Unit staff see only what their unit leads or works with; "every unit" alone promised them more.
      hint: me.unitMember ? t('reports.unitHintOwn', { unit: me.unit }) : t('reports.unitHint') }),
    field({ name: 'asOf', label: t('reports.asOf'), type: 'date', notFuture: true, value: fmtDate(query.get('asOf')),
      hint: t('reports.asOfHint') }),
  ];
  // A day typed is a period of one's own: with "Quý này" left chosen the report ignored the dates typed and gave the
  // quarter's figures under them.
  for (const day of [fields[1], fields[2]]) {
    day.input.addEventListener('input', () => {
      if (day.input.value.trim()) fields[0].input.value = 'custom';
    });
  }
  const form = h('form', { class: 'filters no-print', id: 'report-form', novalidate: true },
    h('div', { class: 'fields' }, fields), h('button', { type: 'submit' }, t('reports.show')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    // Only this try's problem shows: the server's refusal of the period asked before goes with it.
    main.querySelectorAll('.error[role=alert]').forEach(box => box.remove());
    const { values, ok } = read(fields);
    if (!ok) return;
    const [from, to] = [fields[1], fields[2]];
    const wrong = values.period !== 'custom' ? null
      : !values.from ? [from, 'reports.customMissing']
        : !values.to ? [to, 'reports.customMissing']
          : values.from > values.to ? [to, 'reports.reversed'] : null;
    if (wrong) {
      setError(wrong[0], t(wrong[1]));
      wrong[0].input.focus();
      return;
    }
    location.search = apiQuery(values).toString();
  });

  const chosen = Object.fromEntries(['from', 'to', 'unit', 'asOf'].map(k => [k, query.get(k)]));
  chosen.period = period;
  chosen.unit = unit;
  const q = apiQuery(chosen);
  const units = await unitList(me);
  let report;
  try {
    report = await api('/api/reports/follow-up?' + q);
  } catch (e) {
    clear(main, h('h1', {}, t('reports.title')), units, form, errorBox(e));
    return;
  }
  clear(main,
    h('h1', { class: 'no-print' }, t('reports.title')),
    units,
    form,
    h('p', { class: 'downloads no-print' },
      h('a', { href: '/api/reports/follow-up.xlsx?' + q, id: 'download-xlsx', class: 'button-link', download: '' }, t('reports.xlsx')),
      h('a', { href: '/api/reports/follow-up.csv?' + q, id: 'download-csv', class: 'button-link', download: '' }, t('reports.csv')),
      h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('reports.print'))),
    sheet(report, chosen.asOf));
});

function apiQuery(values) {
  const q = new URLSearchParams();
  if (values.period === 'custom') {
    q.set('from', values.from);
    q.set('to', values.to);
  } else {
    q.set('period', values.period);
  }
  if (values.unit) q.set('unit', values.unit);
  if (values.asOf) q.set('asOf', values.asOf);
  return q;
}

/**
 * The report as it is printed: the form's header, the title and period, the appendix table, the signers. The
 * as-of line names the day the person asked for (the answer's asOf is an instant, and today's when none was asked).
 */
function sheet(r, asOf) {
  const [y, m, d] = todayIso().split('-'); // the day the report is made, as a signed report is dated
  const row = (cells, attrs = {}) => h('tr', attrs, cells);
  const figures = x => FIGURES.map(key => h('td', { class: 'num', 'data-label': t('reports.col.' + key) }, number(x[key])));
  return h('article', { class: 'report-sheet', id: 'report', 'aria-labelledby': 'report-title' },
    h('div', { class: 'letterhead' },
      h('div', {}, h('p', {}, r.issuingBody), h('p', { class: 'strong' }, r.issuer)),
      h('div', {}, h('p', { class: 'strong' }, t('reports.motto')), h('p', { class: 'motto' }, t('reports.motto2')),
        h('p', { class: 'dateline' }, t('reports.dateLine', { place: r.place, d, m, y })))),
    // The title and the timeliness rule in the reader's language; the server's Vietnamese words are the XLSX's and CSV's.
    h('h2', { id: 'report-title', class: 'report-title' }, t('reports.sheetTitle')),
    h('p', { class: 'report-period', id: 'report-period' }, t('reports.periodLine', { from: fmtDate(r.from), to: fmtDate(r.to) }),
      r.unit ? ` – ${r.unit}` : ''),
    // A unit's staff get the figures of what their unit may see: printed, the report must not pass for the city's.
    r.seenBy ? h('p', { class: 'report-scope', id: 'report-scope' }, t('reports.scope', { unit: r.seenBy })) : '',
    h('p', { class: 'report-basis', id: 'report-basis' }, t('reports.judgedOn', { date: fmtDate(r.judgedOn) }),
      asOf ? ` ${t('reports.asOfLine', { date: fmtDate(asOf) })}` : '', ' ', t('reports.against.' + r.timelinessAgainst)),
    h('h3', { class: 'appendix' }, t('reports.appendix')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('reports.appendix') },
      h('table', { id: 'report-table', class: 'report-table card-list' },
      h('caption', { class: 'sr-only' }, t('reports.appendix')),
      h('thead', {}, row([h('th', { scope: 'col' }, t('reports.col.number')), h('th', { scope: 'col' }, t('reports.col.unit')),
        FIGURES.map(key => h('th', { scope: 'col', class: 'num' }, t('reports.col.' + key)))])),
      h('tbody', {}, r.units.length === 0
        ? row(h('td', { colspan: FIGURES.length + 2 }, t('reports.empty')))
        : r.units.map((u, i) => row([h('td', { class: 'num stt' }, i + 1), h('td', { class: 'card-title' }, u.unit), figures(u)]))),
      h('tfoot', {}, row([h('td', { class: 'stt' }), h('th', { scope: 'row', class: 'card-title' }, t('reports.col.sum')),
        figures(r.total)], { class: 'sum', id: 'report-total' })))),
    h('div', { class: 'signers' },
      h('div', {}, h('p', { class: 'strong' }, t('reports.preparer')), h('p', { class: 'sign' }, t('reports.sign'))),
      h('div', {}, h('p', { class: 'strong' }, t('reports.signer')), h('p', { class: 'sign' }, t('reports.sign')))));
}
