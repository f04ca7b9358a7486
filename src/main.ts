import { createApp } from './app.ts';
import { ensureAdminToken } from './admin-token.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';

// The entry point: the only place that reads the environment, listens and handles signals.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const admin = ensureAdminToken(config.ADMIN_TOKEN, config.DATA_DIR);
  if (admin.created) {
    // Printed once, on the first start, to the terminal only (not the log stream).
    process.stdout.write(`\n  Admin API token (kept in ${admin.file}): ${admin.token}\n\n`);
  }
  const app = await createApp(config, admin.token, log);
  app.start();
  await app.server.listen({ port: config.PORT, host: config.HOST });
  const where = config.PUBLIC_URL;
  log.info({ port: config.PORT }, `Lianxin is running: ${where}${config.SIM_ENABLED ? ` (simulator: ${where}/sim)` : ''}`);
  if (config.SIM_ENABLED && config.platformConfigured) {
    // Loud on purpose: the simulator can act as anyone, and here real groups would hear it.
    log.warn(
      { simPublic: config.SIM_PUBLIC },
      `THE SIMULATOR IS ON next to a real platform (SIM_ENABLED=true)${config.SIM_PUBLIC ? ' AND OPEN TO EVERY CLIENT (SIM_PUBLIC=true)' : ', for loopback clients only'}: switch it off in production`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: (error as Error).message }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Lianxin could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
