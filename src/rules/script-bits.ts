/**
 * Script keys interned to bit positions, so that a row's checkboxes are a
 * few 32-bit words and "does this row allow X" is one AND. JavaScript's
 * bitwise operators work on 32 bits, hence words rather than one number.
 */
export class ScriptBits {
  /** 32-bit words per row mask (at least one, so an empty catalog still has a valid layout). */
  readonly words: number;
  private readonly positions: ReadonlyMap<string, number>;

  constructor(keys: readonly string[]) {
    const positions = new Map<string, number>();
    for (const key of keys) if (!positions.has(key)) positions.set(key, positions.size);
    this.positions = positions;
    this.words = Math.max(1, Math.ceil(positions.size / 32));
  }

  /** The key's bit position, or undefined for a key that is not one of the catalog's. */
  position(key: string): number | undefined {
    return this.positions.get(key);
  }

  /** Sets the bits of `keys` in the mask starting at `offset`; keys outside the catalog are ignored, as they decide nothing. */
  setBits(keys: readonly string[], masks: Uint32Array, offset: number): void {
    for (const key of keys) {
      const position = this.positions.get(key);
      if (position !== undefined) masks[offset + (position >>> 5)]! |= 1 << (position & 31);
    }
  }
}

/** Whether the mask starting at `offset` has the bit at `position`. */
export function hasBit(masks: Uint32Array, offset: number, position: number): boolean {
  return (masks[offset + (position >>> 5)]! & (1 << (position & 31))) !== 0;
}
