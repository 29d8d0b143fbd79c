import type { Config } from '../config';

/** Time limit of an upload to OneDrive; it goes on after the invoke is answered (afterTurn.ts). */
const UPLOAD_TIMEOUT_MS = 60_000;

/** At most this much of OneDrive's answer is read; the bot needs only its status. */
export const MAX_UPLOAD_RESPONSE_BYTES = 64 * 1024;

/** Where a Word file may go: the checks on the upload URL Teams gives with a consent. */
export interface UploadPolicy {
  /** An https upload URL's host name must end in one of these (each with its leading dot). */
  hostSuffixes: readonly string[];
  /** Plain http to a loopback address; only in local anonymous mode (no app id), for tests. */
  allowLoopbackHttp: boolean;
}

/**
 * The policy of a configuration: UPLOAD_HOST_SUFFIXES, and plain http to loopback only in local
 * anonymous mode (no app id), where the tests and `npm run dev` run.
 */
export function uploadPolicyOf(config: Pick<Config, 'bot' | 'uploadHostSuffixes'>): UploadPolicy {
  return { hostSuffixes: config.uploadHostSuffixes, allowLoopbackHttp: !config.bot };
}

/** Thrown when an upload URL is not one the policy allows; nothing was sent. */
export class UploadUrlRefusedError extends Error {
  constructor(url: URL, reason: string) {
    super(`Refusing to upload the file to ${url.protocol}//${url.host}: ${reason}`);
    this.name = 'UploadUrlRefusedError';
  }
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * The upload URL as a URL when the policy allows it: https to a host ending in one of
 * `hostSuffixes`, or http to loopback when `allowLoopbackHttp`. Throws UploadUrlRefusedError
 * saying what to change otherwise.
 */
export function allowedUploadUrl(uploadUrl: string, policy: UploadPolicy): URL {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    throw new Error('The upload URL from Teams is not a URL; ask for the file again.');
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:') {
    if (policy.allowLoopbackHttp && LOOPBACK.test(host)) return url;
    throw new UploadUrlRefusedError(
      url,
      'not https (plain http is allowed only on loopback, in local anonymous mode).',
    );
  }
  if (url.protocol !== 'https:') {
    throw new UploadUrlRefusedError(url, 'not https.');
  }
  if (!policy.hostSuffixes.some((suffix) => host.endsWith(suffix.toLowerCase()))) {
    throw new UploadUrlRefusedError(
      url,
      `the host does not end in ${policy.hostSuffixes.join(' or ')}; if your OneDrive lives ` +
        'elsewhere, add its domain to UPLOAD_HOST_SUFFIXES.',
    );
  }
  return url;
}

/**
 * Puts a file in the user's OneDrive at the upload URL Teams gave on their consent: one PUT of
 * the whole file (an upload session takes a file up to 4 MB this way). The URL must pass
 * `allowedUploadUrl`; a redirect is refused rather than followed (it would escape that check);
 * at most 64 KB of the answer is read. Throws naming the status when OneDrive refuses.
 */
export async function uploadToOneDrive(
  uploadUrl: string,
  bytes: Buffer,
  policy: UploadPolicy,
): Promise<void> {
  const url = allowedUploadUrl(uploadUrl, policy);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Length': String(bytes.length),
        'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
      },
      body: bytes,
      redirect: 'error',
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: unknown } }).cause?.message;
    if (typeof cause === 'string' && /redirect/i.test(cause)) {
      throw new Error(
        `The upload URL (${url.host}) answered with a redirect, which is not followed: the ` +
          'file goes only to the URL Teams gave. Ask for the file again.',
        { cause: error },
      );
    }
    throw error;
  }
  await drain(response, MAX_UPLOAD_RESPONSE_BYTES);
  if (!response.ok) {
    throw new Error(
      `OneDrive answered ${response.status} to the upload of the file; the consent may have ` +
        'expired: ask for the file again.',
    );
  }
}

/** Reads at most `limit` bytes of the answer's body, then lets go of the rest. */
async function drain(response: Response, limit: number): Promise<void> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read < limit) {
      const chunk = await reader.read();
      if (chunk.done) return;
      read += chunk.value.byteLength;
    }
    await reader.cancel();
  } finally {
    reader.releaseLock();
  }
}
