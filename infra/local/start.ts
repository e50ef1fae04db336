import { startLocalStack } from './stack';

// `npm start`: the whole system on this machine, data kept under .data/.
const port = Number(process.env.PORT ?? 3000);
const adminEmail = process.env.MERIT_ADMIN_EMAIL ?? 'admin@merit.local';

try {
  const stack = await startLocalStack({ port, dataDir: process.env.MERIT_DATA_DIR ?? '.data', adminEmail, seedLater: true });
  const link = await stack.adminSignInLink();
  console.log(
    [
      '',
      '  Merit is running · 政府质量奖评审系统已启动',
      '',
      `  Site          ${stack.url}`,
      `  Outbox        ${stack.url}/dev/outbox   (mail the system sends lands here)`,
      `  Data          ${process.env.MERIT_DATA_DIR ?? '.data'}/   ${stack.seeded ? '(demo rounds seeded)' : '(existing data reused)'}`,
      '',
      `  Administrator sign-in link for ${stack.adminEmail} (single use, valid 15 minutes):`,
      `  ${link}`,
      '',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') console.error(`Port ${port} is in use. Stop the other process or run: PORT=3001 npm start`);
  else if (/lock/i.test(e.message ?? '')) console.error('The data folder is in use by another `npm start`. Stop it first.');
  else console.error(error);
  process.exit(1);
}
