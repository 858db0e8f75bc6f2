import { expect } from '@open-wc/testing';
import { admin } from '../helpers/admin.js';

// The package as adopters use it: a plain HTML page with the CDN bundle, and a React app with the shipped wrappers,
// each in its own frame against the reference server.
async function open(url: string): Promise<Window & { received?: string[]; reactEvents?: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '800px';
  document.body.append(frame);
  await new Promise(resolve => {
    frame.onload = resolve;
    frame.src = url;
  });
  return frame.contentWindow as Window & { received?: string[] };
}
async function until<T>(read: () => T | null | undefined | false, what: string, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}
const shadow = (win: Window, tag: string) => win.document.querySelector(tag)?.shadowRoot;

describe('embedding', () => {
  beforeEach(async () => {
    await admin('/reset');
  });
  afterEach(() => document.querySelectorAll('iframe').forEach(f => f.remove()));

  it('works in a plain HTML page with the single-file bundle, wired by events', async () => {
    const win = await open('/test/embedding/plain.html');
    const button = await until(
      () => shadow(win, 'bill-list')?.querySelector<HTMLButtonElement>('button[part="fapiao-button"]'),
      'an eligible bill',
    );
    button.click();
    await until(() => shadow(win, 'fapiao-request')?.querySelector('form'), 'the request form');
    expect(win.received).to.deep.equal(['fapiao-request']);
    shadow(win, 'fapiao-request')!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await until(() => win.received!.length === 2, 'the cancel event');
    expect(win.document.querySelector('fapiao-request')!.hidden).to.equal(true);
  });

  it('works in a React 19 app through the @lit/react wrappers the package ships', async () => {
    const win = await open('/test/embedding/react.html');
    const button = await until(
      () => shadow(win, 'bill-list')?.querySelector<HTMLButtonElement>('button[part="fapiao-button"]'),
      'an eligible bill',
    );
    expect(button.textContent!.trim()).to.equal('Fapiao aanvragen'); // the lang prop reached the element
    button.click();
    const form = await until(() => shadow(win, 'fapiao-request')?.querySelector('form'), 'the request form');
    expect(form.textContent).to.contain('Voor 1 factuur');
    expect(win.document.getElementById('count')!.textContent).to.equal('1');
    shadow(win, 'fapiao-request')!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await until(() => win.document.getElementById('count')!.textContent === '0', 'the cancel event to reach React');
    expect(win.reactEvents).to.deep.equal(['fapiao-request', 'fapiao-cancelled']);
  });
});
