import { seedDoneLine, startBanner } from './banner';
import { startLocalStack } from './stack';

// `npm start`: the whole system on this machine, data kept under .data/.
const port = Number(process.env.PORT ?? 3000);
const adminEmail = process.env.MERIT_ADMIN_EMAIL ?? 'admin@merit.local';
const operatorEmail = process.env.MERIT_OPERATOR_EMAIL ?? 'operator@merit.local';

try {
  // The round reminders run every minute (EventBridge Scheduler's every 15 minutes in AWS); their mail lands in the outbox.
  const stack = await startLocalStack({ port, dataDir: process.env.MERIT_DATA_DIR ?? '.data', adminEmail, operatorEmail, seedLater: true, remindersEveryMs: 60_000 });
  const link = await stack.adminSignInLink();
  const operatorLink = await stack.operatorSignInLink();
  const dataDir = process.env.MERIT_DATA_DIR ?? '.data';
  console.log(startBanner({ url: stack.url, dataDir, adminEmail: stack.adminEmail, link, operatorEmail: stack.operatorEmail, operatorLink, data: stack.seeded ? 'seeding' : 'reused' }));
  if (stack.seeded) {
    void stack.seedSettled().then(({ ok, seconds }) => {
      if (ok) console.log(seedDoneLine(seconds));
    });
  }
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
