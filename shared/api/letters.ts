// The result letters and award certificates as the API answers them (no schemas: these routes take no body).
import type { LetterKind } from '../letters/letters';
import type { Text } from '../messages/types';
import type { ApplicationStatus, RoundStage } from '../stages';

/** One result letter as its reader sees it: the texts are the catalogue's `letter.<kind>.*` filled with `params`. */
export interface LetterView {
  readonly kind: LetterKind;
  /** When it was sent (ISO; shown in the round's time zone). */
  readonly sentAt: string;
  readonly timeZone: string;
  /** The letter's placeholders, each in both languages where it differs. */
  readonly params: Readonly<Record<string, string | Text>>;
}

/** The published announcement a certificate points at. */
export interface AnnouncementLink {
  /** Path of the published JSON document (`/results/<roundId>/announcement.json`). */
  readonly path: string;
  /** The announcement's page on the public site (`/notices/<roundId>`). */
  readonly page: string;
  /** SHA-256 (hex) of the published bytes. */
  readonly sha256: string;
}

/** An award certificate (证书): what is printed, and what the public check shows. */
export interface CertificateView {
  readonly number: string;
  readonly organisation: string;
  readonly award: Text;
  readonly issuer: Text;
  readonly round: Text;
  /** The announcement's date (ISO; shown in `timeZone`). */
  readonly awardedAt: string;
  readonly timeZone: string;
  readonly announcement: AnnouncementLink;
  /** The public page that checks this number (`/check/<number>`). */
  readonly checkPath: string;
}

/** An application's letters, its status as the round has told it, and its certificate (winners, after the announcement). */
export interface ApplicationLettersResponse {
  readonly applicationId: string;
  readonly organisation: string;
  readonly round: Text;
  readonly roundStage: RoundStage;
  readonly status: ApplicationStatus;
  /** Oldest first. */
  readonly letters: readonly LetterView[];
  readonly certificate?: CertificateView;
  /** When the application's feedback report was released (issue 12); absent before (or without one). */
  readonly feedbackReleasedAt?: string;
}

/**
 * What sending the due letters did: letters and certificates newly sent now, how many failed (sent again on the next
 * try), and how many are still to send because the run stopped within its time (a request answers well before API
 * Gateway's 29 s): the next try, or the scheduled run within 15 minutes, sends them.
 */
export interface LettersSentResponse {
  readonly roundId: string;
  readonly sent: number;
  readonly certificates: number;
  readonly failed: number;
  readonly pending: number;
}

/** How long one request (or one scheduled run) spends sending letters before it answers with the rest pending. */
export const LETTERS_TIME_BUDGET_MS = 20_000;
