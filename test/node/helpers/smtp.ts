import { smtpMailer, type Mail, type Mailer } from '../../../demo/server/mail.js';
import { startMailCatcher, type MailCatcher } from '../../../demo/server/mail-catcher.js';

/** Real SMTP for a test: nodemailer to a catcher, and a switch that makes the server's mailer fail like a busy relay. */
export interface TestSmtp {
  readonly catcher: MailCatcher;
  /** The mailer to give the server: SMTP, unless `failing` is set. */
  readonly mailer: Mailer;
  failing: boolean;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const catcher = await startMailCatcher();
  const smtp = smtpMailer({ host: '127.0.0.1', port: catcher.port, from: '"fapiao-kit test" <fapiao@test.local>' });
  const test: TestSmtp = {
    catcher,
    mailer: {
      send: (mail: Mail) => (test.failing ? Promise.reject(new Error('SMTP 421 try later')) : smtp.send(mail)),
    },
    failing: false,
    close: async () => {
      smtp.close();
      await catcher.close();
    },
  };
  return test;
}
