import { expect } from '@open-wc/testing';

// This file's page imports nothing else: `define.js` registers <bill-list> while it runs, and <fapiao-request> once the
// form's own chunk has arrived (fapiaoRequestDefined). The size test checks that the form is not in the first chunks.
describe('fapiao-kit/define', () => {
  it('defines <bill-list> at once and <fapiao-request> from its own chunk', async () => {
    const { fapiaoRequestDefined } = await import('../../../src/elements/define.js');
    expect(customElements.get('bill-list'), 'bill-list').to.not.equal(undefined);
    await fapiaoRequestDefined;
    const form = document.createElement('fapiao-request');
    document.body.append(form);
    expect(form.shadowRoot, 'upgraded').to.not.equal(null);
    form.remove();
  });
});
