import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboxMailer, sesContent } from './mailer';

const mail = {
  to: 'zhang@example.org',
  subject: '现场评审安排 / Site visit',
  text: '正文\n\nBody',
  attachments: [{ fileName: 'site-visit-A.ics', contentType: 'text/calendar; charset=UTF-8; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nSUMMARY:现场评审\r\nEND:VCALENDAR\r\n' }],
};

describe('mail with a calendar file', () => {
  it('goes to SES v2 as a simple message with the file as a base64 MIME attachment, its bytes UTF-8', () => {
    // Act
    const content = sesContent(mail);
    // Assess
    expect(content.Simple.Subject).toEqual({ Data: mail.subject, Charset: 'UTF-8' });
    const [file] = content.Simple.Attachments!;
    expect(file).toMatchObject({ FileName: 'site-visit-A.ics', ContentType: mail.attachments[0]!.contentType, ContentDisposition: 'ATTACHMENT', ContentTransferEncoding: 'BASE64' });
    expect(new TextDecoder().decode(file!.RawContent)).toBe(mail.attachments[0]!.content);
    expect('Attachments' in sesContent({ to: mail.to, subject: 's', text: 't' }).Simple).toBe(false);
  });

  it('lands in the local outbox with its attachment kept whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'merit-outbox-'));
    try {
      await outboxMailer(dir).send(mail, new Date('2026-12-06T02:00:00Z'));
      const [name] = await readdir(dir);
      const stored = JSON.parse(await readFile(join(dir, name!), 'utf8'));
      expect(stored.attachments).toEqual(mail.attachments);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
