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

/** A bar's length as a share of the longest; set through the CSSOM, which the pages' CSP allows (no style attributes). */
function sized(node, share) {
  node.style.width = `${Math.max(share * 100, 0.5)}%`;
  return node;
}

/**
 * A horizontal bar per row, sized against the longest, its total after it; line(row) → [parts, share, total].
 * Drawn in HTML, not SVG: labels wrap and keep the page's font size at phone width, and axe can check their
 * contrast (it cannot for SVG text).
 */
function hbars(title, rows, line, caption) {
  return h('figure', { class: 'chart-box', 'aria-label': title },
    h('ul', { class: 'hbars' }, rows.map(row => {
      const [parts, share, total] = line(row);
      return h('li', {}, h('span', { class: 'hbar-label' }, row.label),
        h('span', { class: 'hbar-line' }, sized(h('span', { class: 'hbar-track' }, parts), share),
          h('span', { class: 'hbar-total' }, total)));
    })),
    caption);
}

/** Each row's bar split into the series' counts: rows [{label, counts: {series: n}}]. */
export function stackedBars(title, rows, series, classOf, labelOf) {
  const totalOf = r => series.reduce((n, k) => n + (r.counts[k] || 0), 0);
  const max = Math.max(1, ...rows.map(totalOf));
  return hbars(title, rows, row => [series.filter(k => row.counts[k]).map(k =>
    sized(h('span', { class: `hbar-part ${classOf(k)}`, title: `${row.label}: ${labelOf(k)} ${row.counts[k]}` },
      row.counts[k]), row.counts[k] / totalOf(row))), totalOf(row) / max, totalOf(row)],
  h('figcaption', {}, legend(series.map(k => [classOf(k), labelOf(k)]))));
}

/** Simple bars with a value label: rows [{label, value, note}]. */
export function bars(title, rows, format = v => v) {
  const max = Math.max(1, ...rows.map(r => r.value || 0));
  return hbars(title, rows, row => [h('span', { class: 'hbar-part bar', title: `${row.label}: ${format(row.value)}` }),
    (row.value || 0) / max, format(row.value) + (row.note ? ` · ${row.note}` : '')]);
}

const MARK = {
  ASSIGNED: 'mark-assigned', DRAFT_SUBMITTED: 'mark-draft', REVISION_REQUESTED: 'mark-revision',
  POINTS_ANSWERED: 'mark-draft',
  APPROVED: 'mark-approved', APPROVED_IN_PRINCIPLE: 'mark-approved', ISSUED: 'mark-issued',
  DEADLINE_EXTENDED: 'mark-extended', EXTENSION_REQUESTED: 'mark-extended', EXTENSION_REJECTED: 'mark-extended',
  EXTENSION_LAPSED: 'mark-extended',
  REASSIGNED: 'mark-reassigned', REMINDER_SENT: 'mark-reminder', DEADLINE_MISSED: 'mark-reminder',
  CANCELLED: 'mark-cancelled',
};

/** The short label over a step's mark: v1, v2 for drafts, R1, R2 for revision rounds (the server counts them). */
function shortLabel(step) {
  switch (step.type) {
    case 'ASSIGNED': return '●';
    case 'DRAFT_SUBMITTED': return `v${step.version}`;
    case 'POINTS_ANSWERED': return '≡'; // the draft's answers to the revision points
    case 'REVISION_REQUESTED': return `R${step.round}`;
    case 'APPROVED': return '✓';
    case 'ISSUED': return '★';
    case 'DEADLINE_EXTENDED': return '⇥';
    case 'REASSIGNED': return '⇄';
    case 'APPROVED_IN_PRINCIPLE': return '≈';
    case 'REMINDER_SENT': return '!';
    case 'DEADLINE_MISSED': return '⏰';
    case 'EXTENSION_REQUESTED': return '?';
    case 'EXTENSION_REJECTED': return '⇤';
    case 'EXTENSION_LAPSED': return '⇤';
    case 'CANCELLED': return '✕';
    default: return '•';
  }
}

/**
 * The width the plan path is drawn at in a box `boxWidth` pixels wide: one user unit a pixel, so its words keep their
 * size on a phone instead of a desktop drawing shrunk to fit. Rounded down: half a pixel more than the box scrolls.
 */
const pathWidth = boxWidth => Math.floor(Math.min(900, Math.max(320, boxWidth)));

/**
 * The plan path on a time axis: coloured spans for the time with the unit and the time awaiting review,
 * a mark per step (steps on the same day stack up), the current deadline and the original one.
 *
 * Drawn again when its box changes width (a tablet turned, a window resized): a chart drawn for another width
 * would scroll sideways on a phone or leave half a desktop page empty. It waits for the width to settle, so a
 * window dragged wider is drawn once, not at every pixel.
 */
export function planPathChart(path, assignment) {
  // Until the box is shown, a guess: the window less the page's padding and the section's border and padding (the
  // guess left out the border, and a chart 2 px too wide scrolled sideways). Drawn again at the box's width when shown.
  let drawnAt = pathWidth(document.documentElement.clientWidth - 66);
  const scroller = h('div', { class: 'scroll-x', tabindex: '0', role: 'group', 'aria-label': t('detail.pathChart') },
    pathCanvas(path, assignment, drawnAt));
  const box = h('figure', { class: 'chart-box path-box' }, scroller,
    h('figcaption', {}, legend([
      ['span-unit', t('detail.legend.unit')], ['span-review', t('detail.legend.review')],
      assignment.deadline && ['deadline', t('detail.legend.deadline')],
      assignment.originalDeadline && assignment.originalDeadline !== assignment.deadline
        && ['original-deadline', t('detail.legend.original')],
      lateStretch(assignment, todayIso()) && ['span-late', t('detail.legend.late')]]
      .filter(Boolean))));
  let boxWidth = null;
  let settling;
  const observer = new ResizeObserver(([entry]) => {
    // The page drew itself again (after an action) and dropped this chart: nothing left to follow.
    if (!box.isConnected) {
      observer.disconnect();
      clearTimeout(settling);
      return;
    }
    if (entry.contentRect.width === boxWidth) return; // only its height changed (a drawing with more rows)
    const shown = boxWidth === null;
    boxWidth = entry.contentRect.width;
    clearTimeout(settling);
    // Shown at last, before its first paint: drawn while the page was still short, the chart can be 15 px too wide
    // for the scroll bar the page has now. Later changes wait for the width to settle.
    if (shown) redraw();
    else settling = setTimeout(redraw, 100);
  });
  const redraw = () => {
    const width = pathWidth(boxWidth);
    if (width === drawnAt || !box.isConnected) return;
    drawnAt = width;
    scroller.replaceChildren(pathCanvas(path, assignment, width));
  };
  observer.observe(box);
  return box;
}

/**
 * The stretch past the deadline of late work, as the server counts it (daysOverdue): from the deadline to the draft
 * handed in late, or to today while the unit still holds the work; null for work that is not late.
 */
function lateStretch(a, today) {
  if (!a.deadline || !(a.daysOverdue > 0)) return null;
  const to = a.handedInOn && a.handedInOn > a.deadline ? a.handedInOn : today;
  const words = a.handedInOn && a.handedInOn > a.deadline
    ? t('detail.lateHandedIn', { n: a.daysOverdue, date: fmtDate(to) })
    : t('detail.lateToday', { n: a.daysOverdue });
  return { from: a.deadline, to, words };
}

/** The drawing itself, `width` pixels wide. */
function pathCanvas(path, assignment, width) {
  const steps = path.steps;
  const today = todayIso();
  // Still running when the server's reading has an open period: the axis then reaches today.
  const open = path.periods.some(p => p.open);
  const late = lateStretch(assignment, today);
  const dates = steps.map(st => st.effectiveDate).concat(
    [assignment.deadline, assignment.originalDeadline, open ? today : null, late?.to].filter(Boolean));
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const last = dates.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(first, last));
  const left = 30;
  const right = 40;
  const x = iso => left + (daysBetween(first, iso) / span) * (width - left - right);

  // Marks too close to sit side by side (22 px wide, with a 2 px ring) stack upwards: those of one day, and on a
  // phone those of the next days too, a few pixels apart, which covered one another. Each takes the lowest row
  // no earlier mark near it holds.
  const marks = [];
  for (const st of steps) {
    const near = new Set(marks.filter(m => Math.abs(x(m.st.effectiveDate) - x(st.effectiveDate)) < 26).map(m => m.level));
    let level = 0;
    while (near.has(level)) level++;
    marks.push({ st, level, label: shortLabel(st) });
  }
  const stackTop = Math.max(...marks.map(m => m.level)) * 26;
  const barY = 48 + stackTop;
  const hasOriginal = assignment.originalDeadline && assignment.originalDeadline !== assignment.deadline;
  // The words of the stretch past the deadline take a row of their own, under the deadlines' rows.
  const lateY = barY + 34 + (hasOriginal ? 36 : 18);
  const height = late ? lateY + 28 : barY + 80;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart path-chart', 'aria-hidden': 'true',
    focusable: 'false' });
  // Words and marks are HTML laid over the drawing (one user unit = one pixel), each on its own background:
  // axe cannot check the contrast of SVG text, and a person with a screen reader reads the list of steps below.
  const canvas = h('div', { class: 'path-canvas', role: 'img', 'aria-label': t('detail.pathChart') }, svg);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const label = (lx, ly, cls, anchor, text, title) => {
    const node = h('span', { class: `path-label ${cls} anchor-${anchor}`, title }, text);
    canvas.append(place(node, lx, ly));
  };
  // A step's mark (v1, R1, ✓) is drawn by CSS from data-mark: a glyph alone is not text axe can judge.
  const markAt = (mx, my, cls, text, title) =>
    canvas.append(place(h('span', { class: `path-label mark ${cls} anchor-middle`, title, 'data-mark': text }), mx, my));
  const place = (node, lx, ly) => {
    node.style.left = `${lx}px`;
    node.style.top = `${ly}px`;
    return node;
  };

  svg.append(s('line', { x1: left, x2: width - right, y1: barY + 9, y2: barY + 9, class: 'axis' }));
  // Who had the work when is the server's reading (path.periods), the same that gives the figures above.
  for (const p of path.periods) {
    const unit = p.holder === 'UNIT';
    const w = Math.max(2, x(p.to) - x(p.from));
    svg.append(s('rect', { x: x(p.from), y: barY, width: w, height: 18, class: `span-${unit ? 'unit' : 'review'}${p.open ? ' open' : ''}` },
      s('title', {}, `${t(unit ? 'detail.legend.unit' : 'detail.legend.review')}: `
        + `${fmtDate(p.from)} – ${fmtDate(p.to)} (${t('days', { n: p.days })})`)));
  }

  if (late) {
    // Over the spans, hatched: a leader sees that and by how long the work is late without telling colours apart.
    const lx = x(late.from);
    const w = Math.max(3, x(late.to) - lx);
    svg.append(s('defs', {}, s('pattern', { id: 'late-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' }, s('rect', { width: 2.5, height: 6, class: 'hatch' }))));
    svg.append(s('rect', { x: lx, y: barY - 3, width: w, height: 24, class: 'span-late', fill: 'url(#late-hatch)' },
      s('title', {}, late.words)));
    svg.append(s('line', { x1: lx, x2: lx + w, y1: lateY - 3, y2: lateY - 3, class: 'late-extent' }));
    // Hangs from the stretch's end when that lies in the right half (today, mostly), else from its start.
    const right = x(late.to) > width / 2;
    label(right ? x(late.to) : lx, lateY, 'late-label', right ? 'end' : 'start', late.words);
  }

  // Rows of words under the axis, each wholly below the one before, so none covers another wherever the dates fall
  // (on a phone a deadline's words span many days): the days (11 px at line height 1.3, so 15 px high), then the
  // current deadline and the original one (13 px, 17 px high).
  const dayY = barY + 18;
  const deadlineY = dayY + 16;
  const deadlineLine = (iso, cls, text, ly) => {
    // Each line stops at the first row of deadlines: the original's would run through the current one's words.
    svg.append(s('line', { x1: x(iso), x2: x(iso), y1: 14, y2: deadlineY, class: cls }));
    // Near an edge the label hangs inwards instead of being cut off.
    const anchor = x(iso) < 120 ? 'start' : x(iso) > width - 120 ? 'end' : 'middle';
    label(x(iso), ly, `${cls}-label`, anchor, `${text} ${fmtDate(iso)}`);
  };
  if (hasOriginal) {
    deadlineLine(assignment.originalDeadline, 'original-deadline', t('detail.legend.original'), deadlineY + 18);
  }
  if (assignment.deadline) deadlineLine(assignment.deadline, 'deadline', t('detail.legend.deadline'), deadlineY);
  if (open) {
    svg.append(s('line', { x1: x(today), x2: x(today), y1: barY - 6, y2: barY + 24, class: 'today' }));
  }

  for (const { st, level, label: mark } of marks) {
    const cx = x(st.effectiveDate);
    const cy = barY - 16 - level * 26;
    markAt(cx, cy, MARK[st.type], mark, `${fmtDate(st.effectiveDate)} · ${st.actor?.name || ''}`);
  }
  // Day labels under the axis, skipped where they would overlap.
  let lastX = -100;
  for (const iso of [...new Set(steps.map(st => st.effectiveDate))]) {
    if (x(iso) - lastX < 48) continue;
    lastX = x(iso);
    label(lastX, dayY, 'day', 'middle', fmtDate(iso).replace(/\/\d{4}$/, '')); // the day and month, "5/12"
  }
  return canvas;
}
