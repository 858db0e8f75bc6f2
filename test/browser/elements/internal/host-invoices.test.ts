import { expect } from '@open-wc/testing';
import { HostInvoices } from '../../../../src/elements/internal/host-invoices.js';
import { makeInvoice } from '../../../helpers/invoices.js';

describe('HostInvoices', () => {
  it('keeps valid invoices, counts the malformed ones and validates an array once', () => {
    const hosts = new HostInvoices('test');
    const warn = console.warn;
    let warnings = 0;
    const logged: unknown[] = [];
    console.warn = (...args: unknown[]) => {
      warnings++;
      logged.push(args[1]);
    };
    try {
      const source: unknown[] = [makeInvoice({ id: 'a' }), { id: 'x' }, null, 'bill', ...Array(5).fill({})];
      const first = hosts.validate(source);
      expect(first.valid.map(i => i.id)).to.deep.equal(['a']);
      expect(first.malformed).to.equal(8);
      expect(warnings, 'the first three are logged').to.equal(3);
      const paths = (logged as { path: string }[][]).map(issues => issues[0]!.path);
      expect(paths, "each with its entry's place").to.deep.equal(['$[1].number', '$[2]', '$[3]']);
      expect(hosts.validate(source)).to.equal(first);
    } finally {
      console.warn = warn;
    }
  });
});
