// How the API reads request bodies: JSON only (anything else with content is 415), at most
// BODY_LIMIT bytes (413), and at most MAX_JSON_DEPTH levels of nesting (400), checked on the raw
// bytes before JSON.parse runs, so a deep body costs neither the parse nor a recursive walk later.
import express, { type RequestHandler } from 'express';
import { HttpError } from './errors';

/** Our deepest body (a problem import) nests about 7 levels; nothing legitimate comes near this. */
export const MAX_JSON_DEPTH = 64;

/** A body is there when it has a length above 0 or comes in chunks. */
function hasContent(headers: { 'content-length'?: string; 'transfer-encoding'?: string }): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/** 415 for a body that is not application/json (a body-less POST, like creating a feed, passes). */
export const refuseNonJsonBodies: RequestHandler = (req, _res, next) => {
  if (hasContent(req.headers) && !req.is('application/json')) throw new HttpError(415, 'Unsupported Media Type', 'send the body as application/json');
  next();
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_ARRAY, OPEN_OBJECT, CLOSE_ARRAY, CLOSE_OBJECT] = [0x5b, 0x7b, 0x5d, 0x7d];

/** The deepest nesting of brackets outside strings (also for broken JSON: the parser reports that). */
export function jsonDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) deepest = Math.max(deepest, ++depth);
    else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return deepest;
}

/** UTF-8 (nearly always) is scanned as it is; the other UTF encodings body-parser accepts are decoded first. */
function utf8Of(buffer: Buffer, encoding: string): Uint8Array {
  if (/^utf-?8$/i.test(encoding)) return buffer;
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(buffer);
  } catch {
    throw Object.assign(new Error(`unsupported charset "${encoding.toUpperCase()}"`), { status: 415, type: 'charset.unsupported' });
  }
  return Buffer.from(text, 'utf8');
}

function refuseDeepNesting(_req: unknown, _res: unknown, buffer: Buffer, encoding: string): void {
  if (jsonDepth(utf8Of(buffer, encoding)) > MAX_JSON_DEPTH) {
    // body-parser keeps a status set here; the error mapper shows the message.
    throw Object.assign(new Error(`the body nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
  }
}

/** The body parsers of the API, in order. `limit` as body-parser reads it ('5mb'). */
export function jsonBody(limit: string): RequestHandler[] {
  return [refuseNonJsonBodies, express.json({ limit, verify: refuseDeepNesting })];
}
