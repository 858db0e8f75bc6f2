import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the catcher received it over SMTP, decoded (subject and body in UTF-8). */
export interface CaughtMail {
  readonly id: number;
  readonly receivedAt: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly language?: string;
  /** Attached files: name, type, size, and their first bytes (`%PDF-`, `PK`, `<?xml`) to tell what they are. */
  readonly attachments: readonly { filename: string; contentType: string; size: number; head: string }[];
}

export interface MailCatcher {
  readonly port: number;
  /** Newest first. */
  messages(): readonly CaughtMail[];
  /** Resolves with the first message (already caught or arriving) that `match` accepts, or rejects after `timeoutMs`. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

const KEEP = 200;
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * A local SMTP server that keeps what it receives in memory: what `npm start` gives the demo page for a mailbox, and
 * what the tests read the server's e-mails from. Loopback only, no authentication, messages up to 1 MiB.
 */
export async function startMailCatcher(port = 0, host = '127.0.0.1'): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const waiting = new Set<(mail: CaughtMail) => void>();
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'fapiao-kit mail catcher',
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream)
        .then(parsed => {
          const mail: CaughtMail = {
            id: next++,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map(r => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map(a => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              size: a.size,
              head: a.content.subarray(0, 5).toString('latin1'),
            })),
            ...(typeof parsed.headers.get('content-language') === 'string'
              ? { language: parsed.headers.get('content-language') as string }
              : {}),
          };
          caught.unshift(mail);
          caught.length = Math.min(caught.length, KEEP);
          for (const notify of waiting) notify(mail);
          done();
        })
        .catch((error: Error) => done(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    messages: () => [...caught],
    waitFor(match, timeoutMs = 5_000) {
      const found = caught.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching e-mail within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (mail: CaughtMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(mail);
        };
        waiting.add(check);
      });
    },
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
