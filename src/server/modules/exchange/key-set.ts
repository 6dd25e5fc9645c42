/**
 * The importer's in-file duplicate checks hold one key per person of the whole input (national ID;
 * office + position number), in every shard: 600,000 strings in Sets cost ≈100 MB of V8 heap and,
 * under a bounded heap, most of the importer's time in garbage collection (measured: a shard with
 * a 280 MB heap ran out of memory at 305,000 people). A key "<prefix><digits>" whose digits are a
 * short digit string is kept as an exact number in an open-addressing Float64Array table instead
 * (8 bytes a slot, nothing for the collector to trace); any other key falls back to an ordinary
 * Set. Membership is exact: numbers below 2⁵³ are integers without rounding.
 */
export class CompactKeySet {
  private table = new Float64Array(1 << 16);
  private used = 0;
  private other = new Set<string>();
  private prefixes = new Map<string, number>();
  /** 10^maxDigits: the digit string's value, plus its length (so "012" ≠ "12") times this. */
  private readonly scale: number;
  /** (maxDigits + 1)·scale: one prefix's span of numbers. */
  private readonly span: number;
  private readonly maxPrefixes: number;

  constructor(private readonly maxDigits: number) {
    this.scale = 10 ** maxDigits;
    this.span = (maxDigits + 1) * this.scale;
    this.maxPrefixes = Math.floor(Number.MAX_SAFE_INTEGER / this.span) - 1;
  }

  /** Adds the key (prefix + digits); returns true if it was already present. */
  addAndCheck(prefix: string, digits: string): boolean {
    const v = this.numeric(prefix, digits);
    if (v === null) {
      const key = `${prefix}\u0000${digits}`;
      const had = this.other.has(key);
      this.other.add(key);
      return had;
    }
    if ((this.used + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let i = CompactKeySet.hash(v) & mask; ; i = (i + 1) & mask) {
      const s = this.table[i]!;
      if (s === v) return true;
      if (s === 0) {
        this.table[i] = v;
        this.used++;
        return false;
      }
    }
  }

  /** prefix no.·span + length·scale + value; ≥ scale, so 0 marks an empty slot. Null: not compact. */
  private numeric(prefix: string, digits: string): number | null {
    const len = digits.length;
    if (len < 1 || len > this.maxDigits) return null;
    for (let i = 0; i < len; i++) {
      const c = digits.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    let p = this.prefixes.get(prefix);
    if (p === undefined) {
      if (this.prefixes.size >= this.maxPrefixes) return null;
      p = this.prefixes.size;
      this.prefixes.set(prefix, p);
    }
    return p * this.span + len * this.scale + Number(digits);
  }

  private static hash(v: number): number {
    // The high and low 32 bits mixed with 32-bit multiplies (murmur3's finaliser constants).
    const hi = Math.floor(v / 4294967296) | 0;
    let h = Math.imul((v | 0) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  private grow() {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    const mask = this.table.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let i = CompactKeySet.hash(v) & mask;
      while (this.table[i] !== 0) i = (i + 1) & mask;
      this.table[i] = v;
    }
  }
}
