/**
 * How an import file travels to the app. Forge caps one call's payload, and
 * the export of a large table is bigger than that, so a file whose compact
 * JSON is over SINGLE_CALL_CHARS goes up in parts of PART_CHARS characters
 * (the server keeps them for a day) and is then previewed or applied by its
 * upload id. The limits mirror src/rules/limits.ts (importPartChars,
 * importMaxParts). Pure, unit-tested.
 */
export const PART_CHARS = 1_000_000;
export const MAX_PARTS = 40;
/** At most 3 bytes a character in UTF-8 (and some JSON escapes): well inside the 5 MB payload. */
export const SINGLE_CALL_CHARS = PART_CHARS;
export const MAX_UPLOAD_CHARS = PART_CHARS * MAX_PARTS;

/** Cuts `text` into pieces of at most `size` characters, never between the two halves of a surrogate pair. */
export function cutText(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

export type ImportTransport = { kind: 'whole'; data: unknown } | { kind: 'parts'; parts: string[] };

/** Whole when it fits one call, else the parts to upload; undefined when even the parts cannot carry it. */
export function transportFor(data: unknown): ImportTransport | undefined {
  const text = JSON.stringify(data);
  if (text.length <= SINGLE_CALL_CHARS) return { kind: 'whole', data };
  const parts = cutText(text, PART_CHARS);
  return parts.length <= MAX_PARTS ? { kind: 'parts', parts } : undefined;
}

/** A fresh upload id: 22 characters of the server's [A-Za-z0-9_-] alphabet. */
export function newUploadId(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 22 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}
