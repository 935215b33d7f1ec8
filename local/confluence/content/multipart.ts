// A small multipart/form-data reader (RFC 7578) for attachment uploads: the
// emulator keeps each file's name, media type and size, not its bytes.
import { badRequest } from '../http';

export interface FormFile {
  field: string;
  filename: string;
  mediaType: string;
  /** Bytes of the part as it arrived (the request body reaches the emulator as text). */
  size: number;
}

export interface FormData {
  files: FormFile[];
  fields: Map<string, string>;
}

export function parseMultipart(contentType: string | undefined, body: string): FormData {
  const m = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest('The request must be multipart/form-data with a boundary.');
  const files: FormFile[] = [];
  const fields = new Map<string, string>();
  for (const raw of body.split(`--${boundary}`).slice(1)) {
    if (raw.startsWith('--')) break;
    const part = raw.replace(/^\r?\n/, '');
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const head = part.slice(0, split);
    const data = part
      .slice(split)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const field = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const mediaType = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
    if (filename === undefined) fields.set(field, data);
    else files.push({ field, filename, mediaType, size: Buffer.byteLength(data, 'utf8') });
  }
  return { files, fields };
}
