/** What `npm start` prints once the system is up: where everything is, and how the first administrator gets in. */
export interface StartBanner {
  readonly url: string;
  readonly dataDir: string;
  readonly adminEmail: string;
  /** The first administrator's sign-in link (single use, 15 minutes). */
  readonly link: string;
  /** The platform operator, who creates programmes (districts' awards) and invites their first administrators. */
  readonly operatorEmail?: string;
  /** The operator's sign-in link (single use, 15 minutes). */
  readonly operatorLink?: string;
  /** 'seeding': this start is writing the demo rounds (the last one some seconds after this banner); 'reused': the data was there. */
  readonly data: 'seeding' | 'reused';
}

/** The banner: never says the demo rounds are seeded while one is still being written (a later line says so, {@link seedDoneLine}). */
export function startBanner(b: StartBanner): string {
  return [
    '',
    '  Merit is running · 政府质量奖评审系统已启动',
    '',
    `  Site          ${b.url}`,
    `  Outbox        ${b.url}/dev/outbox   (mail the system sends lands here)`,
    `  Data          ${b.dataDir}/   ${b.data === 'seeding' ? '(seeding the demo rounds: the last one takes some seconds more; a line below says when all are ready)' : '(existing data reused)'}`,
    '',
    `  First, open this sign-in link for ${b.adminEmail} (the award office); it works once, within 15 minutes:`,
    `  ${b.link}`,
    `  Used or expired? Ask for another at ${b.url}/sign-in with ${b.adminEmail}, then open it from ${b.url}/dev/outbox.`,
    '',
    ...(b.operatorEmail && b.operatorLink
      ? [
          `  Platform operator ${b.operatorEmail} (creates programmes, e.g. a district's award, and invites their administrators):`,
          `  ${b.operatorLink}`,
          '',
        ]
      : []),
    '  Ctrl-C stops everything.',
    '',
  ].join('\n');
}

/** The line printed when the last demo round is written: only then are all three rounds ready. */
export function seedDoneLine(seconds: number): string {
  return `  Demo rounds seeded: all three rounds are ready (the last took ${seconds.toFixed(1)} s).`;
}
