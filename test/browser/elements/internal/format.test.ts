import { expect } from '@open-wc/testing';
import { formatDate } from '../../../../src/elements/internal/format.js';
import { formatChinaDateTime as formatDateTime } from '../../../../src/core/time/format-month.js';

// The test browser runs in Los Angeles time (web-test-runner.config.mjs): 16:30 UTC on 31 October is 09:30 on the 31st
// there and already 1 November in China; the elements must say 1 November.
describe('element date formatting', () => {
  it('shows China dates whatever the browser zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/Los_Angeles');
    expect(formatDate('2026-10-31T16:30:00Z', 'en')).to.equal('Nov 1, 2026');
    expect(formatDate('2026-10-31T16:30:00Z', 'zh-CN')).to.equal('2026年11月1日');
    expect(formatDate('2026-10-31T16:30:00Z', 'nl')).to.equal('1 nov 2026');
    expect(formatDateTime('2026-10-31T16:30:00Z', 'en')).to.equal('Nov 1, 2026, 00:30');
    expect(formatDate('2026-11-01', 'en'), 'a bare date is a China date').to.equal('Nov 1, 2026');
  });
});
