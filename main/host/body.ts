// Reading a JSON request body with a hard size limit. A declared Content-Length over the limit is
// refused before a byte is read; a body that grows past it (chunked) is cut off. Either way the
// caller gets a 413 with a bilingual message, not a reset connection.
import type http from 'node:http';
import { IMPORT_REQUEST_MAX_BYTES } from '../../preload/contract';

export const MAX_BODY = 64 * 1024;

/** Every channel carries small JSON, except the import, which carries a whole file as base64. */
export const bodyLimitOf = (channel: string): number => (channel === 'customers.import' ? IMPORT_REQUEST_MAX_BYTES : MAX_BODY);

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

export function readBody(req: http.IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return reject(new BodyTooLarge());
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Stop buffering but let the request drain, so the 413 answer can still be delivered.
        req.off('data', onData);
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
