import { Row } from './model';
import { hasBit, ScriptBits } from './script-bits';

/**
 * The rows of one type, interned: each row gets a slot (0, 1, ...), its id
 * and name sit in plain arrays at that slot, and its checkboxes are
 * `bits.words` words of one shared Uint32Array. Rows keep the order they
 * were given in, so slots given in table order compare like table order.
 */
export class InternedRows {
  private constructor(
    private readonly slots: ReadonlyMap<string, number>,
    readonly ids: readonly string[],
    readonly names: readonly string[],
    private readonly masks: Uint32Array,
    private readonly words: number,
  ) {}

  /** @param rows rows of one type, ids unique (the caller checks, to name the duplicate its own way). */
  static build(rows: readonly Row[], bits: ScriptBits): InternedRows {
    const slots = new Map<string, number>();
    const ids: string[] = [];
    const names: string[] = [];
    const masks = new Uint32Array(rows.length * bits.words);
    rows.forEach((row, slot) => {
      slots.set(row.id, slot);
      ids.push(row.id);
      names.push(row.name);
      bits.setBits(row.allowed, masks, slot * bits.words);
    });
    return new InternedRows(slots, ids, names, masks, bits.words);
  }

  get size(): number {
    return this.ids.length;
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  allows(slot: number, position: number): boolean {
    return hasBit(this.masks, slot * this.words, position);
  }
}
