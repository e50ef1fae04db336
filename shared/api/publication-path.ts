// Where published documents live, apart from the outcome's request schemas so the public notice page loads no valibot.

/** What is published: the public notice (stage 10) and the announcement of winners (stage 11). */
export const PUBLICATION_KINDS = ['notice', 'announcement'] as const;
/** A kind of published document. */
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** Path of a published document on the public site. */
export const publicationPath = (roundId: string, kind: PublicationKind) => `/results/${roundId}/${kind}.json`;
