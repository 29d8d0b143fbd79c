/** Time limit of an upload to OneDrive; a Teams invoke is answered within 15 s or so. */
const UPLOAD_TIMEOUT_MS = 10_000;

/**
 * Puts a file in the user's OneDrive at the upload URL Teams gave on their consent: one PUT of
 * the whole file (an upload session takes a file up to 4 MB this way). Only https, or http on
 * loopback for local development and tests. Throws naming the status when OneDrive refuses.
 */
export async function uploadToOneDrive(uploadUrl: string, bytes: Buffer): Promise<void> {
  const url = new URL(uploadUrl);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(
      `The upload URL from Teams is not https (${url.protocol}//${url.host}); refusing to send ` +
        'the file there.',
    );
  }
  const response = await fetch(url, {
    method: 'PUT',
    headers: {
      'Content-Length': String(bytes.length),
      'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
    body: bytes,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (!response.ok) {
    throw new Error(
      `OneDrive answered ${response.status} to the upload of the file; the consent may have ` +
        'expired: ask for the file again.',
    );
  }
}
