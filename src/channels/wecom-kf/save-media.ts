import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MAX_PHOTO_MB = 5;
/** A resident's picture is kept up to this size; a bigger one is refused with a short answer. */
export const MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * Keeps a picture a resident sent through 微信客服 (its media_id lives 3 days) under
 * DATA_DIR/media/kf/, named by its SHA-256, so the same picture read twice is stored once. Returns
 * the photo's ref (a path relative to DATA_DIR), or null when it is not a picture.
 */
export async function saveMedia(dataDir: string, bytes: Buffer, contentType: string): Promise<string | null> {
  const ext = EXTENSIONS[contentType];
  if (!ext || bytes.length === 0) return null;
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  const ref = `media/kf/${name}`;
  const dir = join(dataDir, 'media', 'kf');
  const file = join(dir, name);
  try {
    await stat(file);
    return ref;
  } catch {
    // not there yet
  }
  await mkdir(dir, { recursive: true });
  // Written whole or not at all: a crash never leaves half a picture under the final name.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes, { mode: 0o640 });
  await rename(tmp, file);
  return ref;
}
