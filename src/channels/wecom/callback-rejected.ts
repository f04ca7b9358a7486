/**
 * Why a WeCom callback was refused (bad signature, bad ciphertext, wrong receive id, malformed
 * payload). The routes answer it with a 4xx and store nothing; WeCom retries, which is harmless.
 */
export class CallbackRejected extends Error {
  /** 401 for a signature that does not match, 400 for everything else. */
  readonly status: 400 | 401;
  constructor(message: string, status: 400 | 401 = 400) {
    super(message);
    this.name = 'CallbackRejected';
    this.status = status;
  }
}
