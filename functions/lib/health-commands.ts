// The two commands of the health check (./runtime.ts `checkHealth`), loaded with the first health request only:
// no other request describes a table or heads a bucket.
export { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
export { HeadBucketCommand } from '@aws-sdk/client-s3';
