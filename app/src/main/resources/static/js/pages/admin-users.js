// Users and their authority, for administrators: add, change role or unit, grant approval levels, reset a
// password, revoke a person's access token, disable. Every change is an event in the audit log, recorded under
// the administrator's name.
import { api } from '../api.js';
import { h, clear, param } from '../dom.js';
import { t, fmtDate, fmtDateTime } from '../i18n.js';
import { start, section, table, errorBox, unitField } from '../layout.js';
import { field, read } from '../forms.js';

const ROLES = ['CLERK', 'UNIT_STAFF', 'UNIT_HEAD', 'VICE_CHAIR', 'CHAIR', 'AUDITOR', 'ADMIN'];

/** A form of a few fields and one button: sends, then shows the page again with the outcome. */
function action(id, title, fields, submit, send) {
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, submit);
  const form = h('form', { id, class: 'command', novalidate: true },
    fields.length ? h('div', { class: 'fields' }, fields) : '', button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { values, ok } = read(fields);
    if (!ok) return;
    // Until the answer: a second click (or Enter) would send the change again, and a second event or a refusal
    // of the first would follow.
    button.disabled = true;
    try {
      await send(values);
    } catch (e) {
      clear(status, errorBox(e, { typedKept: true }));
      button.disabled = false;
    }
  });
  return title ? h('div', { class: 'action' }, h('h3', {}, title), form) : form;
}

/**
 * One click that changes something (revoke a token, withdraw a level). The button waits for the answer. A refusal
 * (a token revoked meanwhile on another page) draws the page again as it now is, the refusal above it; a lost network
 * is said beside the button, which can be clicked again. Unhandled, either ended in the console and the page said
 * nothing.
 */
function clickAction(label, attrs, send, refused) {
  const status = h('span', { role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'link', ...attrs }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await send();
    } catch (e) {
      if (e?.problem?.rule === 'network') {
        clear(status, errorBox(e));
        button.disabled = false;
      } else {
        await refused(e);
      }
    }
  });
  return [button, status];
}

const roleSince = u => (u.roleSince ? t('users.roleSinceBy', { date: fmtDate(u.roleSince), by: u.roleGrantedBy || '' }) : '');

start('admin-users', 'users.title', async (main, me) => {
  if (me.role !== 'ADMIN') {
    clear(main, h('h1', {}, t('users.title')), h('p', { class: 'error', role: 'alert' }, t('problem.admins-only')));
    return;
  }
  const units = await api('/api/units');
  const unitList = h('datalist', { id: 'unit-names' }, units.map(u => h('option', { value: u.name })));
  const levelList = h('datalist', { id: 'level-names' }, me.approvalLevels.map(l => h('option', { value: l.name })));
  const roleOptions = ROLES.map(r => [r, t('role.' + r)]);

  const render = async (message, refusal) => {
    const users = await api('/api/admin/users');
    const chosen = users.find(u => u.id === param('id'));
    const again = async (text) => render(text);

    const add = action('add-user', null, [
      field({ name: 'id', label: t('users.id'), required: true, autocomplete: 'off' }),
      field({ name: 'name', label: t('users.name'), required: true }),
      field({ name: 'role', label: t('users.role'), type: 'select', options: roleOptions, value: 'CLERK' }),
      unitField(field({ name: 'unit', label: t('field.unit'), list: 'unit-names' })),
      field({ name: 'password', label: t('users.password'), required: true }),
    ], t('users.add'), async v => { await api('/api/admin/users', { body: v }); await again(t('users.saved')); });
    add.querySelector('[name=password]').type = 'password';

    const rows = users.map(u => h('tr', { 'data-user': u.id },
      h('td', {}, h('a', { href: `?id=${encodeURIComponent(u.id)}` }, u.id)),
      h('td', {}, u.name), h('td', {}, u.unit || ''), h('td', {}, t('role.' + u.role)),
      h('td', {}, u.enabled ? t('users.enabled') : h('strong', {}, t('users.disabled'))),
      h('td', {}, (u.levels || []).join('; ')), h('td', {}, roleSince(u))));

    let manage = '';
    if (chosen) {
      const path = `/api/admin/users/${encodeURIComponent(chosen.id)}`;
      const post = async (suffix, body) => { await api(path + suffix, { body: body || {} }); await again(t('users.saved')); };
      // A lost laptop or a person leaving: the administrator revokes the token, not only its owner.
      const tokens = await api(path + '/tokens');
      const tokenRows = tokens.map(tok => h('tr', {},
        h('td', {}, tok.label), h('td', { class: 'nowrap' }, fmtDateTime(tok.issuedAt)),
        h('td', {}, clickAction(t('tokens.revoke'), { 'data-token': tok.tokenId },
          () => post(`/tokens/${encodeURIComponent(tok.tokenId)}/revoke`), e => render(undefined, e)))));
      const pw = field({ name: 'password', label: t('users.newPassword'), required: true });
      pw.input.type = 'password';
      manage = section(t('users.manageTitle', { name: chosen.name }),
        h('p', { id: 'role-since' }, `${t('role.' + chosen.role)} · ${t('users.roleSince')} ${roleSince(chosen)}`),
        h('div', { class: 'fields' },
          action('change-role', t('users.changeRole'), [field({ name: 'role', label: t('users.role'), type: 'select',
            options: roleOptions, value: chosen.role })], t('users.changeRole'), v => post('/role', v)),
          action('change-unit', t('users.changeUnit'), [unitField(field({ name: 'unit', label: t('field.unit'),
            list: 'unit-names', value: chosen.unit || '' }))], t('users.changeUnit'), v => post('/unit', v)),
          action('grant-level', t('users.grantLevel'), [field({ name: 'level', label: t('users.levels'), list: 'level-names',
            required: true })], t('users.grantLevel'), v => post('/levels', v)),
          action('reset-password', t('users.resetPassword'), [pw], t('users.resetPassword'), v => post('/password', v))),
        (chosen.levels || []).length ? h('ul', { id: 'granted-levels' }, chosen.levels.map(l => h('li', {}, l, ' ',
          clickAction(t('users.withdraw'), {}, () => post('/levels/withdraw', { level: l }), e => render(undefined, e))))) : '',
        h('h3', {}, t('tokens.title')),
        tokens.length ? table(t('tokens.title'), [t('tokens.label'), t('tokens.issuedAt'), ''], tokenRows, { id: 'user-tokens' })
          : h('p', { class: 'muted', id: 'user-tokens' }, t('tokens.none')),
        // Said where it is done: a disabled person's tokens are gone for good, not asleep until they are enabled.
        chosen.enabled && tokens.length ? h('p', { class: 'muted', id: 'disable-revokes-tokens' }, t('users.disableRevokesTokens')) : '',
        action('toggle-user', null, [], chosen.enabled ? t('users.disable') : t('users.enable'),
          () => post(chosen.enabled ? '/disable' : '/enable')));
    }

    clear(main,
      h('h1', {}, t('users.title')),
      h('p', {}, t('users.intro')),
      unitList, levelList,
      message ? h('p', { class: 'ok', role: 'status' }, message) : '',
      refusal ? errorBox(refusal) : '',
      manage,
      section(t('users.list'), table(t('users.list'), [t('users.id'), t('users.name'), t('field.unit'), t('users.role'),
        t('users.state'), t('users.levels'), t('users.roleSince')], rows, { id: 'user-list' })),
      section(t('users.add'), add),
      // Long (every unit and its spellings): open on demand.
      section(t('users.units'), h('details', {}, h('summary', {}, t('users.unitsShow', { n: units.length })),
        table(t('users.units'), [t('field.unit'), t('users.aliases')],
          units.map(u => h('tr', {}, h('td', {}, u.name), h('td', {}, (u.aliases || []).join('; ')))), { id: 'unit-list' }))));
  };
  await render();
});
