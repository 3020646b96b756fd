import nodemailer from 'nodemailer';
import type { Locale } from '../../domain/locale.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** the recipient's language, also said in the Content-Language header */
  language?: Locale;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Sends e-mail; the server has one only when SMTP_URL is set. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(url: string, from = 'Selfserve <no-reply@selfserve.example>'): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send({ language, ...mail }) {
      await transport.sendMail({ from, ...mail, ...(language && { headers: { 'Content-Language': language } }) });
    },
  };
}
