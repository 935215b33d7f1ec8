/**
 * A row's checked scripts as a hex bitmask over an ordered script list:
 * 40 scripts take 10 characters instead of a list of keys, which keeps a
 * 10,000-row table's chunks far below Forge's 240 KiB value limit.
 */
export function encodeMask(allowed: readonly string[], scripts: readonly string[]): string {
  const set = new Set(allowed);
  const nibbles: number[] = new Array(Math.ceil(scripts.length / 4) || 1).fill(0);
  scripts.forEach((key, i) => {
    if (set.has(key)) nibbles[i >> 2] |= 1 << (i & 3);
  });
  return nibbles.map((n) => n.toString(16)).join('');
}

export function decodeMask(mask: string, scripts: readonly string[]): string[] {
  const allowed: string[] = [];
  scripts.forEach((key, i) => {
    const nibble = parseInt(mask[i >> 2] ?? '0', 16);
    if (nibble & (1 << (i & 3))) allowed.push(key);
  });
  return allowed;
}
