// My personal access tokens: for software that calls the API in my name. A new token is shown once;
// Docket keeps only its SHA-256, so it can be revoked but never shown again.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, fmtDateTime } from '../i18n.js';
import { start, section, table, errorBox } from '../layout.js';
import { field, read, setError } from '../forms.js';

start('tokens', 'tokens.title', async (main) => {
  // refused: a revocation the server refused (the token was revoked meanwhile, on another page): said above the list.
  const render = async (issued, refused) => {
    const tokens = await api('/api/me/tokens');
    const label = field({ name: 'label', label: t('tokens.label'), required: true });
    const status = h('div', { role: 'status', 'aria-live': 'polite' });
    const button = h('button', { type: 'submit' }, t('tokens.create'));
    const form = h('form', { id: 'new-token', class: 'command', novalidate: true },
      h('div', { class: 'fields' }, label), button, status);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const { values, ok } = read([label]);
      if (!ok) return;
      // Until the answer: a second click (or Enter) would make a second token, shown to nobody.
      button.disabled = true;
      try {
        await render(await api('/api/me/tokens', { body: values }));
      } catch (e) {
        setError(label, '');
        clear(status, errorBox(e, { typedKept: true }));
        button.disabled = false;
      }
    });
    const shown = issued && h('div', { class: 'ok', id: 'issued-token' },
      h('p', {}, t('tokens.shownOnce')), h('p', {}, h('code', { id: 'token-value' }, issued.token)));
    const rows = tokens.map(tok => h('tr', {},
      h('td', {}, tok.label), h('td', { class: 'nowrap' }, fmtDateTime(tok.issuedAt)),
      h('td', {}, h('button', {
        type: 'button', class: 'link', 'data-token': tok.tokenId,
        onclick: async event => {
          // Until the answer: a second click would be refused, the token being revoked by the first.
          event.currentTarget.disabled = true;
          try {
            await api(`/api/me/tokens/${encodeURIComponent(tok.tokenId)}/revoke`, { body: {} });
            await render();
          } catch (e) {
            await render(null, e);
          }
        },
      }, t('tokens.revoke')))));
    clear(main,
      h('h1', {}, t('tokens.title')),
      h('p', {}, t('tokens.intro')),
      section(t('tokens.create'), form, shown || ''),
      section(t('tokens.title'), refused ? errorBox(refused) : '', tokens.length
        ? table(t('tokens.title'), [t('tokens.label'), t('tokens.issuedAt'), ''], rows, { id: 'token-list' })
        : h('p', { class: 'muted', id: 'token-list' }, t('tokens.none'))));
  };
  await render();
});
