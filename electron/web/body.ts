import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A body over its limit: answered 413, never read to its end. */
export class BodyTooLarge extends Error {
  constructor(public readonly limit: number) {
    super(`请求内容超过上限 ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

/** Refuses by the declared length before reading a byte, when the client states one. */
export function checkDeclaredLength(req: IncomingMessage, limit: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
}

/** A pass-through that counts and stops the stream at the first byte past the limit. */
function counter(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > limit ? new BodyTooLarge(limit) : null, chunk);
    },
  });
}

/** A small body (a JSON call) read whole, but never past `limit`. */
export async function readSmallBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  checkDeclaredLength(req, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A file's bytes streamed to `path` (created new, owner only); a body past `limit` stops and is refused. */
export async function streamBodyToFile(req: IncomingMessage, path: string, limit: number): Promise<number> {
  checkDeclaredLength(req, limit);
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  let bytes = 0;
  const count = counter(limit);
  count.on('data', (c: Buffer) => { bytes += c.length; });
  await pipeline(req, count, out);
  return bytes;
}
