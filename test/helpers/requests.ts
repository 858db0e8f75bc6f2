import { toFen, type FapiaoRequest, type IssuedFapiao } from '../../src/core/index.js';

/** An ordinary e-Fapiao of CNY 100.00 (6 % VAT), issued 2026-11-20 10:00 China time. */
export const issuedFapiao: IssuedFapiao = {
  number: '26310000000000000001',
  kind: 'ordinary',
  issuedAt: '2026-11-20T02:00:00Z',
  currency: 'CNY',
  net: toFen(9434),
  tax: toFen(566),
  gross: toFen(10000),
  files: [],
};

/** A request for one bill whose Fapiao was issued and e-mailed: the start of the rules after issue. */
export const issuedRequest: FapiaoRequest = {
  id: 'REQ-1',
  invoiceIds: ['A'],
  fapiaoKind: 'ordinary',
  buyer: { buyerKind: 'enterprise', title: '康托索', taxId: '91330106673959654P' },
  delivery: 'electronic',
  email: 'finance@contoso.cn',
  status: 'issued',
  history: [],
  fapiaos: [issuedFapiao],
  createdAt: '2026-11-19T02:00:00Z',
};
