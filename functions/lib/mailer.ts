import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { ulid } from 'ulid';
import type { Config } from './config';
import type { Mail } from './mail';

// How mail is sent, apart from how it is written (./mail.ts): the runtime builds a mailer at cold start, and only
// the use cases that write a mail load the message catalogue with it.
/** Sends mail: SES in AWS, files in the outbox locally. */
export interface Mailer {
  send(mail: Mail, now: Date): Promise<void>;
}

/** Writes each mail as a JSON file under the outbox folder (local; the gateway lists them at /dev/outbox). */
export function outboxMailer(dir: string): Mailer {
  return {
    async send(mail, now) {
      await mkdir(dir, { recursive: true });
      const id = ulid(now.getTime());
      const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
      await writeFile(join(dir, `${id}.json`), JSON.stringify({ id, ...mail, links, sentAt: now.toISOString() }, null, 2));
    },
  };
}

/** Sends through Amazon SES v2 from the configured sender. */
export function sesMailer(config: Config): Mailer {
  // The SES client is loaded with the first mail (its own chunk): most requests send none, so cold starts skip it.
  let ses: Promise<SESv2Client> | undefined;
  return {
    async send(mail) {
      const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      ses ??= Promise.resolve(new SESv2Client({ region: config.region }));
      await (await ses).send(
        new SendEmailCommand({
          FromEmailAddress: config.mailFrom,
          Destination: { ToAddresses: [mail.to] },
          Content: sesContent(mail),
        }),
      );
    },
  };
}

/** The SES v2 content of a mail: a simple message, its attachments (calendar files) carried by SES as MIME parts. */
export function sesContent(mail: Mail) {
  const encoder = new TextEncoder();
  return {
    Simple: {
      Subject: { Data: mail.subject, Charset: 'UTF-8' },
      Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
      ...(mail.attachments?.length
        ? {
            Attachments: mail.attachments.map((a) => ({
              FileName: a.fileName,
              ContentType: a.contentType,
              ContentDisposition: 'ATTACHMENT' as const,
              ContentTransferEncoding: 'BASE64' as const,
              RawContent: encoder.encode(a.content),
            })),
          }
        : {}),
    },
  };
}

/** The mailer for this configuration. */
export function createMailer(config: Config): Mailer {
  return config.outboxDir ? outboxMailer(config.outboxDir) : sesMailer(config);
}
