// The demo page's script (a file of its own: the page's CSP allows no inline script).
// Plain HTML, no bundler: the single-file bundle, then the two elements wired together by their events.
import '/bundle/fapiao-kit.min.js';

// The server hands the admin token (for the fault switch) to this page only, in a <meta>; it never leaves this origin.
const adminToken = document.querySelector('meta[name="fapiao-admin-token"]')?.content ?? '';
const $ = id => document.getElementById(id);
const bills = $('bills');
const request = $('request');
const log = $('log');
const note = text =>
  (log.textContent = `${new Date().toLocaleTimeString()}  ${text}\n${log.textContent}`.slice(0, 4000));
// The switches live in the URL (?customer=&lang=&theme=), so a state can be linked to and screenshotted.
const params = new URLSearchParams(location.search);
const apply = () => {
  const token = $('customer').value;
  const lang = $('lang').value;
  for (const el of [bills, request]) {
    el.token = token;
    el.setAttribute('lang', lang);
  }
  request.draftKey = token; // one draft per customer in this tab
  document.documentElement.lang = lang;
  document.documentElement.dataset.theme = $('theme').value;
  history.replaceState(null, '', `?${new URLSearchParams({ customer: token, lang, theme: $('theme').value })}`);
};
for (const [id, key] of [
  ['customer', 'customer'],
  ['lang', 'lang'],
  ['theme', 'theme'],
]) {
  if (params.get(key)) $(id).value = params.get(key);
  $(id).addEventListener('change', apply);
}
apply();
$('chaos').addEventListener('change', async e => {
  await fetch('/__admin/faults', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
    body: JSON.stringify(e.target.checked ? { chaosRate: 0.3, latencyMs: 400 } : {}),
  });
  note(`fault mode ${e.target.checked ? 'on: 30 % of API calls fail, +400 ms' : 'off'}`);
  bills.reload();
  request.reload();
});
bills.addEventListener('bill-select', e => note(`bill-select ${e.detail.invoice.number}`));
bills.addEventListener('bill-pdf-request', e => note(`bill-pdf-request ${e.detail.action} ${e.detail.url}`));
bills.addEventListener('bill-export', e => note(`bill-export ${e.detail.filename} (${e.detail.invoices.length} rows)`));
bills.addEventListener('fapiao-request', e => {
  note(`fapiao-request ${e.detail.invoices.map(i => i.number).join(', ')}`);
  request.invoices = e.detail.invoices;
  request.scrollIntoView({ behavior: 'smooth' });
  request.updateComplete.then(() => request.shadowRoot.querySelector('input, select')?.focus());
});
request.addEventListener('fapiao-submitted', e => {
  note(`fapiao-submitted ${e.detail.request.id}`);
  bills.reload();
});
// The request list moved on (issued, rejected): the bills' Fapiao states follow it.
request.addEventListener('fapiao-requests-change', () => {
  note('fapiao-requests-change');
  bills.reload();
});
request.addEventListener('fapiao-cancelled', () => {
  note('fapiao-cancelled');
  request.invoices = [];
});
request.addEventListener('fapiao-error', e =>
  note(`fapiao-error (${e.detail.during}) ${e.detail.error.kind} ${e.detail.error.status ?? ''}`),
);
request.addEventListener('fapiao-register', e => note(`fapiao-register ${e.detail.url ?? ''}`));

// A Fapiao account registered or activated (in <bill-list>'s banner or in the form): both elements follow.
document.addEventListener('fapiao-account-change', e => {
  note(`fapiao-account-change ${e.detail.account.state}`);
  request.reload();
  void showMailbox();
});
document.addEventListener('fapiao-account-error', e =>
  note(`fapiao-account-error (${e.detail.during}) ${e.detail.error.kind} ${e.detail.error.status ?? ''}`),
);

// The mailbox of the SMTP catcher `npm start` runs: e-mails as text, their links (same origin only) clickable.
let shownMail = -1;
async function showMailbox() {
  const r = await fetch('/__admin/mailbox', { headers: { 'x-admin-token': adminToken } }).catch(() => undefined);
  if (!r?.ok) return;
  const { items } = await r.json();
  if ((items[0]?.id ?? 0) === shownMail) return;
  shownMail = items[0]?.id ?? 0;
  const list = $('mailbox');
  list.replaceChildren(
    ...items.slice(0, 20).map(mail => {
      const item = document.createElement('li');
      const head = document.createElement('strong');
      head.textContent = `${mail.subject} → ${mail.to.join(', ')} (${new Date(mail.receivedAt).toLocaleTimeString()})`;
      const body = document.createElement('pre');
      for (const part of mail.text.split(/(https?:\/\/\S+)/)) {
        let url;
        try {
          url = /^https?:\/\//.test(part) ? new URL(part) : undefined;
        } catch {
          url = undefined;
        }
        if (url && url.origin === location.origin) {
          const a = document.createElement('a');
          a.href = url.href;
          a.target = '_blank';
          a.rel = 'noopener';
          a.textContent = part;
          body.append(a);
        } else body.append(part);
      }
      item.append(head, body);
      if (mail.attachments?.length) {
        const files = document.createElement('p');
        files.textContent = `📎 ${mail.attachments.map(a => `${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join(', ')}`;
        item.append(files);
      }
      return item;
    }),
  );
  if (!items.length) list.textContent = '(empty)';
}
void showMailbox();
setInterval(() => void showMailbox(), 3000);
