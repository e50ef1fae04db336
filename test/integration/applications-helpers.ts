import { createHash, randomInt } from 'node:crypto';
import { expect, inject } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/audit/actions';
import { roundScope } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../shared/eligibility';
import { defaultRoundConfig } from '../../shared/round';
import { AwardsStore } from '../../functions/lib/awards/store';
import { tableName } from '../../functions/lib/config';
import { createRuntime, type Runtime } from '../../functions/lib/runtime';
import { api, cookieFrom, latestToken } from './helpers';

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

let runtime: Promise<Runtime> | undefined;
/** The submission function's runtime on the test stack (for seeding rounds the API cannot create yet). */
export const stackRuntime = () => (runtime ??= createRuntime('submission', inject('stackEnv')));

/** Creates a round of the `city` programme straight in the awards table (audited like the seed). */
export async function createRound(
  options: { deadlineInMs?: number; maxFileBytes?: number; maxApplicationBytes?: number; maxFiles?: number; maxTotalChars?: number; itemMaxChars?: number } = {},
): Promise<string> {
  const rt = await stackRuntime();
  const awards = new AwardsStore(rt.clients.ddb, tableName(rt.config, 'awards'));
  const now = Date.now();
  const deadline = now + (options.deadlineInMs ?? 30 * DAY);
  const config = defaultRoundConfig({
    registrationOpens: new Date(now - DAY).toISOString(),
    registrationCloses: new Date(deadline).toISOString(),
    submissionDeadline: new Date(deadline).toISOString(),
    materialReviewDeadline: new Date(deadline + 30 * DAY).toISOString(),
    onSiteDeadline: new Date(deadline + 60 * DAY).toISOString(),
    defenseDate: new Date(deadline + 90 * DAY).toISOString(),
  });
  const uploads = {
    ...config.uploads,
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.maxApplicationBytes ? { maxApplicationBytes: options.maxApplicationBytes } : {}),
    ...(options.maxFiles ? { maxFiles: options.maxFiles } : {}),
  };
  const pkg = {
    ...config.package,
    ...(options.maxTotalChars ? { maxTotalChars: options.maxTotalChars } : {}),
    ...(options.itemMaxChars ? { itemMaxChars: options.itemMaxChars } : {}),
  };
  const roundId = `city-test-${now.toString(36)}-${randomInt(1e6)}`;
  const round = {
    programmeId: 'city',
    roundId,
    name: { 'zh-CN': '测试轮次', en: 'Test round' },
    stage: 'registration',
    registrationOpens: config.dates.registrationOpens,
    submissionDeadline: config.dates.submissionDeadline,
    config: { ...config, uploads, package: pkg },
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await rt.audit.commit({
    scope: roundScope(roundId),
    actor: SYSTEM_ACTOR,
    action: 'round.created',
    target: { type: 'round', id: roundId },
    state: round,
    requestId: 'test',
    now: new Date(now),
    writes: [awards.roundPut(round)],
  });
  return roundId;
}

/** A valid unified social credit code (GB 32100-2015) registered in Fuzhou (350100), random each call. */
export function validCreditCode(): string {
  const body = `91350100${Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(10)]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

/** Signs an applicant in through the real flow: registration link by mail, then the exchange. */
export async function signInApplicant(email: string): Promise<string> {
  const requested = await api('POST', '/api/submission/applicants/links', { body: { email, programmeId: 'city' } });
  expect(requested.status).toBe(202);
  const exchanged = await api('POST', '/api/submission/auth/session', { body: { token: await latestToken(email) } });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  return cookieFrom(exchanged.headers);
}

/** A registration body; `organisation` fields can be overridden. */
export function registration(roundId: string, organisation: Record<string, unknown> = {}) {
  return {
    roundId,
    organisation: {
      name: '福州示范制造有限公司',
      creditCode: validCreditCode(),
      district: '鼓楼区',
      industry: '制造业',
      size: 'medium',
      address: '福州市鼓楼区示范路 1 号',
      legalRepresentative: '林法人',
      contactPerson: '陈联系',
      phone: '0591-12345678',
      email: 'contact@example.org',
      ...organisation,
    },
    declarations: {
      legalPerson: true,
      establishedOn: '2010-05-01',
      goodCreditRecord: true,
      appliesPerformanceExcellence: true,
    },
  };
}

/** Registers a fresh applicant for a round; returns their cookie and the application. */
export async function registeredApplicant(roundId: string, email: string, organisation: Record<string, unknown> = {}) {
  const cookie = await signInApplicant(email);
  const res = await api('POST', '/api/submission/applications', { cookie, body: registration(roundId, organisation) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { cookie, application: res.body, applicationId: res.body.applicationId as string };
}

/** Saves the profile and all 23 item texts. */
export async function fillPackage(cookie: string, applicationId: string): Promise<void> {
  for (const section of ['profile', ...GBT19580_2012.items.map((i) => i.id)]) {
    const res = await api('PUT', `/api/submission/applications/${applicationId}/package/${section}`, {
      cookie,
      body: { text: `${section}：我们的做法、展开、学习与整合。`, version: 0 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

/** A small but real PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Starts an upload, POSTs the bytes to the presigned form like a browser
 * (fetch + FormData), and waits until the bucket event has verified or
 * rejected the document. `declared` overrides what the browser declares.
 */
export async function upload(
  cookie: string,
  applicationId: string,
  bytes: Buffer,
  declared: { category?: string; fileName?: string; contentType?: string; size?: number; sha256?: string; replaces?: string } = {},
) {
  const created = await api('POST', `/api/submission/applications/${applicationId}/documents`, {
    cookie,
    body: {
      category: declared.category ?? 'businessLicence',
      fileName: declared.fileName ?? '营业执照.pdf',
      contentType: declared.contentType ?? 'application/pdf',
      size: declared.size ?? bytes.length,
      sha256: declared.sha256 ?? sha256(bytes),
      ...(declared.replaces ? { replaces: declared.replaces } : {}),
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { document, upload: form } = created.body;
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields as Record<string, string>)) data.append(name, value);
  data.append('file', new Blob([new Uint8Array(bytes)], { type: declared.contentType ?? 'application/pdf' }), declared.fileName ?? 'file.pdf');
  const posted = await fetch(form.url, { method: 'POST', body: data });
  expect(posted.status).toBeLessThan(300);
  return waitForDocument(cookie, applicationId, document.documentId);
}

/** Polls a document until it is no longer pending. */
export async function waitForDocument(cookie: string, applicationId: string, documentId: string) {
  for (let i = 0; i < 100; i++) {
    const res = await api('GET', `/api/submission/applications/${applicationId}/documents/${documentId}`, { cookie });
    expect(res.status).toBe(200);
    if (res.body.status !== 'pending') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`document ${documentId} stayed pending`);
}

/** A minimal DOCX: a stored (uncompressed) ZIP with the Office content types and a document part. */
export function minimalDocx(): Buffer {
  const entries: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
