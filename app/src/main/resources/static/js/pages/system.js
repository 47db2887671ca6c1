// The administrator's System page: each read model's state, with rebuild and its progress, and the events
// read models have set aside (dead letters), with retry and drop.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, known, fmtDateTime } from '../i18n.js';
import { start, section, table, errorBox } from '../layout.js';

const projectionName = name => (known('projection.' + name) ? t('projection.' + name) : name);
const eventName = type => (known('event.' + type) ? t('event.' + type) : type);

function stateText(p) {
  if (p.rebuilding) return t('system.rebuilding', { percent: Math.floor((p.rebuildProgress || 0) * 100) });
  if (!p.running) return t('system.stopped');
  return p.caughtUp ? t('system.running') : t('system.behind');
}

function position(p) {
  const positions = p.segments.map(s => s.position).filter(x => x !== null && x !== undefined);
  return positions.length ? Math.min(...positions) : '–';
}

start('system', 'system.title', async (main, me) => {
  if (me.role !== 'ADMIN') {
    clear(main, h('h1', {}, t('system.title')), h('p', { class: 'error', role: 'alert' }, t('problem.admins-only')));
    return;
  }
  const status = h('div', { id: 'system-status', role: 'status', 'aria-live': 'polite' });
  const projections = h('div', { id: 'projections' });
  const deadLetters = h('div', { id: 'dead-letters' });
  let timer = null;

  const say = (text, ok = true) => clear(status, text ? h('p', { class: ok ? 'ok' : 'error' }, text) : '');
  const failed = e => clear(status, errorBox(e));

  async function showProjections() {
    const list = await api('/api/admin/projections');
    clear(projections, table(t('system.projections'),
      [t('system.projection'), t('system.state'), t('system.position'), ''],
      list.map(p => h('tr', { 'data-projection': p.name },
        h('th', { scope: 'row' }, projectionName(p.name)),
        h('td', { class: 'state' }, stateText(p), p.rebuilding
          ? h('progress', { max: '100', value: String(Math.floor((p.rebuildProgress || 0) * 100)) }) : ''),
        h('td', { class: 'num' }, position(p)),
        h('td', {}, h('button', {
          type: 'button', class: 'rebuild', disabled: p.rebuilding ? '' : null,
          onclick: () => rebuild(p.name),
        }, t('system.rebuild'))))),
      { id: 'projection-table' }));
    // Live progress: look again every two seconds while something is rebuilt or catching up.
    clearTimeout(timer);
    if (list.some(p => p.rebuilding || (p.running && !p.caughtUp))) timer = setTimeout(() => showProjections().catch(failed), 2000);
  }

  async function rebuild(name) {
    if (!confirm(t('system.rebuildConfirm', { name: projectionName(name) }))) return;
    try {
      await api(`/api/admin/projections/${encodeURIComponent(name)}/rebuild`, { method: 'POST' });
      say(t('system.rebuildStarted', { name: projectionName(name) }));
      await showProjections();
    } catch (e) {
      failed(e);
    }
  }

  async function showDeadLetters() {
    const sequences = await api('/api/admin/dead-letters');
    if (!sequences.length) {
      clear(deadLetters, h('p', { class: 'muted', id: 'no-dead-letters' }, t('system.noDeadLetters')));
      return;
    }
    // Assignments by title, as people know them; an id's first characters when it cannot be read.
    const titles = new Map(await Promise.all([...new Set(sequences.map(sq => sq.sequence))].map(id =>
      api(`/api/assignments/${encodeURIComponent(id)}`).then(a => [id, a.title], () => [id, id.slice(0, 8)]))));
    clear(deadLetters, sequences.map(sq => {
      const path = `/api/admin/dead-letters/${encodeURIComponent(sq.projection)}/${encodeURIComponent(sq.sequence)}`;
      return h('div', { class: 'dead-letter', 'data-sequence': sq.sequence },
        h('h3', {}, t('system.sequence', { name: projectionName(sq.projection) }), ' ',
          h('a', { href: `/assignment.html?id=${encodeURIComponent(sq.sequence)}` }, titles.get(sq.sequence))),
        table(t('system.deadLetters'),
          [t('system.event'), t('system.number'), t('system.recordedAt'), t('system.failure'), t('system.parkedAt'), ''],
          sq.letters.map(l => h('tr', {},
            h('td', {}, eventName(l.eventType)),
            h('td', { class: 'num' }, l.sequenceNumber ?? '–'),
            h('td', {}, fmtDateTime(l.recordedAt)),
            // The exception is for IT, in the server's English: folded behind a Vietnamese sentence, sent on as it is.
            h('td', { class: l.failure ? 'failure' : 'muted' }, l.failure
              ? [t('system.failed'), h('details', {}, h('summary', {}, t('system.technical')),
                h('code', { lang: 'en' }, l.failure))]
              : t('system.waiting')),
            h('td', {}, fmtDateTime(l.parkedAt)),
            h('td', {}, h('button', {
              type: 'button', class: 'link evict', onclick: () => evict(`${path}/${encodeURIComponent(l.eventId)}`),
            }, t('system.evict')))))),
        h('p', {}, h('button', { type: 'button', class: 'retry', onclick: () => retry(path) }, t('system.retry'))));
    }));
  }

  async function retry(path) {
    try {
      const result = await api(path + '/retry', { method: 'POST' });
      say(result.drained ? t('system.retried') : t('system.stillParked', { n: result.remaining.length }), result.drained);
      await Promise.all([showDeadLetters(), showProjections()]);
    } catch (e) {
      failed(e);
    }
  }

  async function evict(path) {
    if (!confirm(t('system.evictConfirm'))) return;
    try {
      await api(`${path}/drop`, { method: 'POST' }); // nothing in Docket's API deletes
      say(t('system.evicted'));
      await showDeadLetters();
    } catch (e) {
      failed(e);
    }
  }

  await Promise.all([showProjections(), showDeadLetters()]);
  clear(main,
    h('h1', {}, t('system.title')),
    status,
    section(t('system.projections'), h('p', { class: 'muted' }, t('system.projectionsHelp')), projections),
    section(t('system.deadLetters'), h('p', { class: 'muted' }, t('system.deadLettersHelp')), deadLetters));
});
