import {
  COURIERS,
  DELIVERY_KINDS,
  emailList,
  type Courier,
  type DeliveryKind,
  type DeliveryOptions,
  type FapiaoDraft,
  type FapiaoRequest,
  type PickupPoint,
} from '../../src/core/index.js';

/** 21Vianet's Shanghai branch, where paper Fapiao can be collected (docs/domain.md §1.3, the hotline as its phone). */
export const SHANGHAI_BRANCH: PickupPoint = {
  name: '世纪互联上海分公司',
  address: '上海市浦东新区科苑路 88 号德国中心 3 号楼 657 室',
  phone: '(86) 400-089-0365',
};

/** What the reference server offers unless configured otherwise: everything the 21Vianet process has. */
export const REFERENCE_DELIVERY: DeliveryOptions = {
  kinds: DELIVERY_KINDS,
  couriers: COURIERS,
  pickup: SHANGHAI_BRANCH,
};

/**
 * `--delivery=electronic,paper` (the kinds offered, in that order; pick-up only with a branch): the operator's
 * choice, or a reason it is not one.
 */
export function deliveryOptionsOf(flag: string): DeliveryOptions | string {
  const kinds = flag.split(',').map(k => k.trim());
  const unknown = kinds.filter(k => !(DELIVERY_KINDS as readonly string[]).includes(k));
  if (unknown.length || kinds.length === 0) return `use one or more of ${DELIVERY_KINDS.join(', ')}`;
  const chosen = [...new Set(kinds)] as DeliveryKind[];
  return { kinds: chosen, couriers: COURIERS, ...(chosen.includes('pickup') ? { pickup: SHANGHAI_BRANCH } : {}) };
}

/** Everything the draft says about delivery, kept: the e-mail, the courier's parcel, or the pick-up and who collects. */
export function deliveryOf(
  draft: FapiaoDraft,
  options: DeliveryOptions,
): Pick<FapiaoRequest, 'delivery' | 'email' | 'shipping' | 'pickup'> {
  // Several recipients are kept as one list, as an e-mail's To: line takes them.
  if (draft.delivery === 'electronic')
    return { delivery: 'electronic', email: emailList(draft.email).addresses.join(', ') };
  if (draft.delivery === 'pickup')
    return {
      delivery: 'pickup',
      // The branch as it is now: the customer was told this address, whatever the configuration says later.
      pickup: { point: options.pickup!, collector: draft.recipient.trim(), phone: draft.recipientPhone.trim() },
    };
  return {
    delivery: 'paper',
    shipping: {
      recipient: draft.recipient.trim(),
      phone: draft.recipientPhone.trim(),
      address: draft.postalAddress.trim(),
      courier: draft.courier,
    },
  };
}

/**
 * A waybill number in the courier's shape (SF: "SF" and 13 digits; Yunda: 15 digits), unique per request and time:
 * the simulated back office's stand-in for the number the courier prints.
 */
export function trackingNumber(courier: Courier, at: number, requestId: string): string {
  const digits = `${String(at).slice(-9)}${requestId.replace(/\D/g, '').padStart(6, '0').slice(-6)}`;
  return courier === 'sf' ? `SF${digits.slice(-13)}` : digits.padStart(15, '3');
}
