import type { AccountMessages } from '../../fapiao-account/internal/messages.js';

// en: <fapiao-account>'s own words and the core's words of registration, a module of their own: a bills page does
// not fetch them.
export { en as core } from '../../../core/i18n/account/en.js';
export const fapiaoAccount: Omit<AccountMessages, 'core'> = {
  heading: 'Fapiao account',
  loading: 'Loading your Fapiao account…',
  retry: 'Try again',
  noSource: 'Nothing to show: set the api-base attribute or the client property.',
  intro:
    'To request a Fapiao (the official Chinese tax invoice) you need a Fapiao account. Register it with the order number of one of your bills and your e-mail address; we send you a link to activate it.',
  orderNumberHint: 'On the PDF of any of your bills, next to "Order number".',
  emailHint: 'The activation link goes here, and later your e-Fapiao.',
  register: 'Register',
  sending: 'Sending…',
  fixErrors: n => (n === 1 ? 'One field needs your attention.' : `${n} fields need your attention.`),
  checkMail: email => `Check your mail: we sent an activation link to ${email}. Open it to activate your account.`,
  validUntil: when => `The link works until ${when}.`,
  expired: email => `The activation link sent to ${email} has expired (links work for 24 hours). Ask for a new one.`,
  resend: 'Resend the activation e-mail',
  resendFrom: when => `You can ask for another e-mail from ${when}.`,
  resent: email => `A new link is on its way to ${email}; the earlier one no longer works.`,
  changeEmail: 'Use another e-mail address',
  keepEmail: 'Keep the address',
  active: email => `Your Fapiao account is active (${email}).`,
  activeNoEmail: 'Your Fapiao account is active.',
  elsewhere: 'You need a Fapiao account to request Fapiao.',
  registerElsewhere: 'Register a Fapiao account',
};
