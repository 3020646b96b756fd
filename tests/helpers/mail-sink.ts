import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from './app.js';
import { smtpMailer, type Mailer } from '../../src/services/notifications/mailer.js';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** the Content-Language header */
  language?: string | undefined;
  attachments: { filename?: string; contentType: string; content: Buffer }[];
}

/** A local SMTP server standing for the mail server: what nodemailer sends arrives in `received`. */
export async function startMailSink(): Promise<{ mailer: Mailer; received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          language: mail.headers.get('content-language') as string | undefined,
          attachments: mail.attachments,
        });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  return {
    mailer: smtpMailer(`smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`),
    received,
    close: () => new Promise<void>((resolve) => sink.close(() => resolve())),
  };
}

/**
 * The test file's mail sink: started after its app (call this after `useTestApp` or
 * `useSignedInApp`), which then mails to it, and closed after the tests.
 */
export function useMailSink(t: { readonly app: TestApp }): { readonly received: ReceivedMail[] } {
  let sink: Awaited<ReturnType<typeof startMailSink>> | undefined;
  beforeAll(async () => {
    sink = await startMailSink();
    t.app.deps.mailer = sink.mailer;
  });
  afterAll(() => sink?.close());
  return {
    get received() {
      return sink!.received;
    },
  };
}

/** The one-time link in an invitation e-mail: its token is after the '#'. */
export const invitationTokenIn = (mail: ReceivedMail) => /\/invitation#([\w-]+)/.exec(mail.text)?.[1];
