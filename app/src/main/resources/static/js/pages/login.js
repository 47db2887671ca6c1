// The sign-in form posts to Spring Security's /login with the CSRF token from the readable cookie.
import { csrfToken } from '../api.js';
import { t, lang, setLang } from '../i18n.js';

const $ = id => document.getElementById(id);

function words() {
  document.documentElement.lang = lang();
  document.title = `${t('login.title')} · Docket`;
  $('login-title').textContent = t('login.title');
  $('label-username').textContent = t('login.user');
  $('label-password').textContent = t('login.password');
  $('login-submit').textContent = t('login.submit');
  $('lang').textContent = t('lang.other');
  $('lang').setAttribute('aria-label', t('lang.otherName'));
  const query = new URLSearchParams(location.search);
  const message = query.has('error') ? t('login.error') : query.has('signedOut') ? t('login.signedOut')
    : query.has('expired') ? t('problem.authentication-required') : null;
  $('login-message').hidden = !message;
  $('login-message').textContent = message || '';
  $('login-message').className = query.has('error') || query.has('expired') ? 'error' : 'ok';
}

async function hint() {
  const answer = await fetch('/ui/sign-in-hint').then(r => r.json()).catch(() => ({ demoUsers: [] }));
  if (answer.demoUsers?.length) {
    $('demo-hint').hidden = false;
    $('demo-hint').textContent = t('login.demo', { users: answer.demoUsers.join(', ') });
  }
}

$('lang').addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  words();
  hint();
});
$('login-form').addEventListener('submit', () => {
  $('csrf').value = csrfToken() || '';
});
words();
hint();
