// Hand-drawn SVG charts: a few dozen lines each, no library to ship or keep up to date. Every chart has
// a title for screen readers and sits next to a table with the same numbers.
import { s, h } from './dom.js';
import { t, fmtDate, daysBetween, todayIso } from './i18n.js';

/** Colours of the four timeliness classes, in the order every Vietnamese follow-up report uses. */
export const CLASSES = ['ON_TIME', 'OVERDUE', 'DONE_ON_TIME', 'DONE_LATE'];

function legend(entries) {
  return h('ul', { class: 'legend' }, entries.map(([cls, label]) =>
    h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label)));
}

/**
 * One horizontal bar per row, split into the series' counts. rows: [{label, counts: {series: n}}].
 * Horizontal, so that long unit names stay readable at phone width.
 */
export function stackedBars(title, rows, series, classOf, labelOf) {
  const barH = 22;
  const gap = 12;
  const labelH = 18;
  const width = 760;
  const max = Math.max(1, ...rows.map(r => series.reduce((n, k) => n + (r.counts[k] || 0), 0)));
  const height = rows.length * (barH + gap + labelH) + 10;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    s('title', {}, title));
  rows.forEach((row, i) => {
    const y = i * (barH + gap + labelH) + labelH;
    svg.append(s('text', { x: 0, y: y - 4, class: 'label' }, row.label));
    let x = 0;
    let total = 0;
    for (const key of series) {
      const n = row.counts[key] || 0;
      if (!n) continue;
      const w = (n / max) * (width - 60);
      svg.append(s('rect', { x, y, width: Math.max(w, 1), height: barH, class: classOf(key) },
        s('title', {}, `${row.label}: ${labelOf(key)} ${n}`)));
      if (w > 18) svg.append(s('text', { x: x + w / 2, y: y + barH / 2 + 5, class: 'count' }, n));
      x += w;
      total += n;
    }
    svg.append(s('text', { x: x + 6, y: y + barH / 2 + 5, class: 'total' }, total));
  });
  return h('figure', { class: 'chart-box' }, svg,
    h('figcaption', {}, legend(series.map(k => [classOf(k), labelOf(k)]))));
}

/** Simple bars with a value label: rows [{label, value, note}]. */
export function bars(title, rows, format = v => v) {
  const barH = 20;
  const step = 44;
  const width = 760;
  const max = Math.max(1, ...rows.map(r => r.value || 0));
  const svg = s('svg', { viewBox: `0 0 ${width} ${rows.length * step + 6}`, role: 'img', 'aria-label': title,
    class: 'chart' }, s('title', {}, title));
  rows.forEach((row, i) => {
    const y = i * step + 18;
    const w = ((row.value || 0) / max) * (width - 120);
    svg.append(s('text', { x: 0, y: y - 4, class: 'label' }, row.label));
    svg.append(s('rect', { x: 0, y, width: Math.max(w, 1), height: barH, class: 'bar' },
      s('title', {}, `${row.label}: ${format(row.value)}`)));
    svg.append(s('text', { x: w + 6, y: y + 15, class: 'total' }, format(row.value) + (row.note ? ` · ${row.note}` : '')));
  });
  return h('figure', { class: 'chart-box' }, svg);
}

const MARK = {
  ASSIGNED: 'mark-assigned', DRAFT_SUBMITTED: 'mark-draft', REVISION_REQUESTED: 'mark-revision',
  POINTS_ANSWERED: 'mark-draft',
  APPROVED: 'mark-approved', APPROVED_IN_PRINCIPLE: 'mark-approved', ISSUED: 'mark-issued',
  DEADLINE_EXTENDED: 'mark-extended', EXTENSION_REQUESTED: 'mark-extended', EXTENSION_REJECTED: 'mark-extended',
  REASSIGNED: 'mark-reassigned', REMINDER_SENT: 'mark-reminder', DEADLINE_MISSED: 'mark-reminder',
  CANCELLED: 'mark-cancelled',
};

/** The short label over a step's mark: v1, v2 for drafts, R1, R2 for revision rounds. */
export function shortLabel(step, round) {
  switch (step.type) {
    case 'ASSIGNED': return '●';
    case 'DRAFT_SUBMITTED': return `v${step.version}`;
    case 'POINTS_ANSWERED': return '≡'; // the draft's answers to the revision points
    case 'REVISION_REQUESTED': return `R${round}`;
    case 'APPROVED': return '✓';
    case 'ISSUED': return '★';
    case 'DEADLINE_EXTENDED': return '⇥';
    case 'REASSIGNED': return '⇄';
    case 'APPROVED_IN_PRINCIPLE': return '≈';
    case 'REMINDER_SENT': return '!';
    case 'DEADLINE_MISSED': return '⏰';
    case 'EXTENSION_REQUESTED': return '?';
    case 'EXTENSION_REJECTED': return '⇤';
    case 'CANCELLED': return '✕';
    default: return '•';
  }
}

/**
 * The plan path on a time axis: coloured spans for the time with the unit and the time awaiting review,
 * a mark per step (steps on the same day stack up), the current deadline and the original one.
 */
export function planPathChart(path, assignment) {
  const steps = path.steps;
  const today = todayIso();
  // Still running when the server's reading has an open period: the axis then reaches today.
  const open = path.periods.some(p => p.open);
  const dates = steps.map(st => st.effectiveDate).concat(
    [assignment.deadline, assignment.originalDeadline, open ? today : null].filter(Boolean));
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const last = dates.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(first, last));
  // Drawn at the width it will be shown at (one user unit = one pixel), so labels keep their size on a phone.
  const width = Math.round(Math.min(900, Math.max(320, document.documentElement.clientWidth - 64)));
  const left = 30;
  const right = 40;
  const x = iso => left + (daysBetween(first, iso) / span) * (width - left - right);

  // Marks of one day stack upwards.
  const perDay = {};
  let round = 0;
  const marks = steps.map(st => {
    if (st.type === 'REVISION_REQUESTED') round++;
    const level = (perDay[st.effectiveDate] = (perDay[st.effectiveDate] || 0) + 1) - 1;
    return { st, level, label: shortLabel(st, round) };
  });
  const stackTop = Math.max(...marks.map(m => m.level)) * 26;
  const barY = 48 + stackTop;
  const height = barY + 80;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart path-chart',
    'aria-label': t('detail.pathChart') }, s('title', {}, t('detail.pathChart')));

  svg.append(s('line', { x1: left, x2: width - right, y1: barY + 9, y2: barY + 9, class: 'axis' }));
  // Who had the work when is the server's reading (path.periods), the same that gives the figures above.
  for (const p of path.periods) {
    const unit = p.holder === 'UNIT';
    const w = Math.max(2, x(p.to) - x(p.from));
    svg.append(s('rect', { x: x(p.from), y: barY, width: w, height: 18, class: `span-${unit ? 'unit' : 'review'}${p.open ? ' open' : ''}` },
      s('title', {}, `${t(unit ? 'detail.legend.unit' : 'detail.legend.review')}: `
        + `${fmtDate(p.from)} – ${fmtDate(p.to)} (${t('days', { n: p.days })})`)));
  }

  const deadlineLine = (iso, cls, text, dy) => {
    svg.append(s('line', { x1: x(iso), x2: x(iso), y1: 14, y2: barY + 30, class: cls }));
    // Near an edge the label hangs inwards instead of being cut off.
    const anchor = x(iso) < 120 ? 'start' : x(iso) > width - 120 ? 'end' : 'middle';
    svg.append(s('text', { x: x(iso), y: barY + 44 + dy, class: `${cls}-label`, 'text-anchor': anchor },
      `${text} ${fmtDate(iso)}`));
  };
  if (assignment.originalDeadline && assignment.originalDeadline !== assignment.deadline) {
    deadlineLine(assignment.originalDeadline, 'original-deadline', t('detail.legend.original'), 16);
  }
  if (assignment.deadline) deadlineLine(assignment.deadline, 'deadline', t('detail.legend.deadline'), 0);
  if (open) {
    svg.append(s('line', { x1: x(today), x2: x(today), y1: barY - 6, y2: barY + 24, class: 'today' }));
  }

  for (const { st, level, label } of marks) {
    const cx = x(st.effectiveDate);
    const cy = barY - 16 - level * 26;
    svg.append(s('g', { class: `mark ${MARK[st.type]}` },
      s('circle', { cx, cy, r: 11 }),
      s('text', { x: cx, y: cy + 4, 'text-anchor': 'middle' }, label),
      s('title', {}, `${fmtDate(st.effectiveDate)} · ${st.actor?.name || ''}`)));
  }
  // Day labels under the axis, skipped where they would overlap.
  let lastX = -100;
  for (const iso of [...new Set(steps.map(st => st.effectiveDate))]) {
    if (x(iso) - lastX < 48) continue;
    lastX = x(iso);
    svg.append(s('text', { x: lastX, y: barY + 30, class: 'day', 'text-anchor': 'middle' }, fmtDate(iso).slice(0, 5)));
  }
  return h('figure', { class: 'chart-box path-box' },
    h('div', { class: 'scroll-x', tabindex: '0', role: 'group', 'aria-label': t('detail.pathChart') }, svg),
    h('figcaption', {}, legend([
      ['span-unit', t('detail.legend.unit')], ['span-review', t('detail.legend.review')],
      assignment.deadline && ['deadline', t('detail.legend.deadline')],
      assignment.originalDeadline !== assignment.deadline && ['original-deadline', t('detail.legend.original')]]
      .filter(Boolean))));
}
