import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from './documents';

// Presigning needs no network: the links are built and signed offline with fixed credentials.
const s3 = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const key = 'rounds/city-2026/applications/01J00000000000000000000000/documents/01J00000000000000000000001';
const now = new Date('2026-07-01T08:00:00Z');

describe('download links in AWS go through the site, where CloudFront adds nosniff', () => {
  it('points at <site>/documents/<key> with the query presigned for the bucket endpoint CloudFront forwards to', async () => {
    // Prepare
    const store = new DocumentStore(s3, 'merit-documents', async () => 'https://award.example.org/');
    // Act
    const { url } = await store.presignDownload(key, '营业执照.pdf', 'application/pdf', 'v-1', now);
    // Assess
    const link = new URL(url);
    expect(`${link.origin}${link.pathname}`).toBe(`https://award.example.org/documents/${key}`);
    expect(link.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(link.searchParams.get('versionId')).toBe('v-1');
    expect(link.searchParams.get('response-content-disposition')).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`);
    expect(link.searchParams.get('response-content-type')).toBe('application/pdf');
    // The same path and query the SDK signed for the bucket's regional endpoint (the CloudFront origin's host).
    const direct = new URL((await new DocumentStore(s3, 'merit-documents').presignDownload(key, '营业执照.pdf', 'application/pdf', 'v-1', now)).url);
    expect(direct.host).toBe('merit-documents.s3.cn-north-1.amazonaws.com.cn');
    expect(direct.pathname).toBe(`/${key}`);
    expect([...direct.searchParams.keys()].sort()).toEqual([...link.searchParams.keys()].sort());
  });
});
