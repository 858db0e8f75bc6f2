import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFapiaoNumber, toFen, verificationFields, VERIFICATION_PLATFORM_URL } from '../../../src/core/index.js';
import { issuedFapiao } from '../../helpers/requests.js';

describe('decodeFapiaoNumber', () => {
  it('reads year, tax bureau, channel and sequence from a 20-digit 数电 number', () => {
    assert.deepEqual(decodeFapiaoNumber('26312000000123456789'), {
      year: 2026,
      bureau: '31',
      channel: '2',
      sequence: '000000123456789',
    });
  });
  it('decodes nothing that is not 20 digits (a legacy code and number, a typo, full-width digits)', () => {
    for (const number of [
      '',
      '1234567890',
      '2631200000012345678',
      '263120000001234567890',
      '2631200000012345678X',
      '２６31200000012345678',
    ])
      assert.equal(decodeFapiaoNumber(number), undefined, number);
  });
});

describe('verificationFields', () => {
  it('gives the number, the issue date in China and the amounts a verification asks for', () => {
    // Issued 2026-11-19 23:30 UTC: already the 20th in China, whatever the machine's zone.
    const fields = verificationFields({ ...issuedFapiao, issuedAt: '2026-11-19T23:30:00Z' });
    assert.deepEqual(fields, {
      number: issuedFapiao.number,
      issueDate: '2026-11-20',
      currency: 'CNY',
      net: toFen(9434),
      gross: toFen(10000),
    });
  });
  it('points at the national verification platform over https', () => {
    assert.equal(new URL(VERIFICATION_PLATFORM_URL).protocol, 'https:');
    assert.equal(new URL(VERIFICATION_PLATFORM_URL).hostname, 'inv-veri.chinatax.gov.cn');
  });
});
