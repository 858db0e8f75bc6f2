import { createTransport } from 'nodemailer';
import type { Locale } from '../../src/core/node.js';
import { escapeMarkup } from './http.js';

/** One e-mail: plain text always (every client shows it), the same words as simple HTML. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly locale: Locale;
  readonly attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  readonly filename: string;
  readonly content: Uint8Array;
  readonly contentType: string;
}

/** Where the server's e-mails go: SMTP in every real setup (`smtpMailer`); tests and the demo run a real catcher. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** The sender, e.g. `"Fapiao service" <fapiao@example.cn>`. */
  readonly from: string;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  readonly secure?: boolean;
  readonly user?: string;
  readonly password?: string;
}

/** Sends over SMTP with nodemailer: a pooled connection, short timeouts (a request waits for its e-mail). */
export function smtpMailer(options: SmtpOptions): Mailer & { close(): void } {
  const transport = createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
    ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.locale },
        ...(mail.attachments
          ? {
              attachments: mail.attachments.map(a => ({
                filename: a.filename,
                content: Buffer.from(a.content),
                contentType: a.contentType,
              })),
            }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}

const ACTIVATION: Record<Locale, { subject: string; lines: (link: string, until: string) => string[] }> = {
  'zh-CN': {
    subject: '请激活您的发票账户',
    lines: (link, until) => [
      '您好！',
      '请点击以下链接激活您的发票账户，激活后即可申请发票：',
      link,
      `链接在 ${until}（北京时间）前有效。如果您没有注册发票账户，请忽略此邮件。`,
    ],
  },
  en: {
    subject: 'Activate your Fapiao account',
    lines: (link, until) => [
      'Hello,',
      'Open this link to activate your Fapiao account; you can then request Fapiao (Chinese tax invoices):',
      link,
      `The link works until ${until} (China time). If you did not register a Fapiao account, ignore this e-mail.`,
    ],
  },
  nl: {
    subject: 'Activeer uw Fapiao-account',
    lines: (link, until) => [
      'Hallo,',
      'Open deze link om uw Fapiao-account te activeren; daarna kunt u Fapiao (Chinese belastingfacturen) aanvragen:',
      link,
      `De link werkt tot ${until} (Chinese tijd). Hebt u geen Fapiao-account geregistreerd, negeer deze e-mail dan.`,
    ],
  },
};

/** The activation e-mail in the customer's language; `until` is already formatted in China time. */
export function activationMail(to: string, locale: Locale, link: string, until: string): Mail {
  const { subject, lines } = ACTIVATION[locale];
  const text = lines(link, until);
  const html = text
    .map(line =>
      line === link
        ? `<p><a href="${escapeMarkup(link)}">${escapeMarkup(link)}</a></p>`
        : `<p>${escapeMarkup(line)}</p>`,
    )
    .join('\n');
  return { to, subject, text: `${text.join('\n\n')}\n`, html, locale };
}
