import { t, type Locale, type MessageKey, type MessageParams } from '../../shared/messages';

/** A file sent with a mail: a calendar file (.ics) of a schedule. Text only, UTF-8. */
export interface MailAttachment {
  readonly fileName: string;
  /** With its parameters: `text/calendar; charset=UTF-8; method=REQUEST`. */
  readonly contentType: string;
  readonly content: string;
}

/** A plain-text mail (both languages in one body), optionally with attachments. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly MailAttachment[];
}

/**
 * A mail in both languages from two catalogue texts: the subject `中文 / English`,
 * the body in Chinese, a separator, then in English; `params` fills each language.
 */
export function bilingualMail(to: string, subject: MessageKey, body: MessageKey, params: (locale: Locale) => MessageParams): Mail {
  return {
    to,
    subject: `${t(subject, 'zh-CN', params('zh-CN'))} / ${t(subject, 'en', params('en'))}`,
    text: [t(body, 'zh-CN', params('zh-CN')), t('mail.separator', 'en'), t(body, 'en', params('en'))].join('\n\n'),
  };
}

export { createMailer, sesContent, outboxMailer, sesMailer, type Mailer } from './mailer';
