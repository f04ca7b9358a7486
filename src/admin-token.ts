import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The admin API's bearer token: ADMIN_TOKEN if set; otherwise one generated on the first start and
 * kept in DATA_DIR/admin-token (mode 600), so that it survives restarts. `created` tells the caller
 * to show it once.
 */
export function ensureAdminToken(configured: string | undefined, dataDir: string): { token: string; created: boolean; file: string | null } {
  if (configured) return { token: configured, created: false, file: null };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 16) return { token, created: false, file };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, created: true, file };
}
