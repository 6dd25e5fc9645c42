export declare const GENESIS_HASH: string;
export declare function chainHash(prevHash: string, payload: string): string;
export type RangeResult =
  | { ok: true; events: number; lastSeq: number; lastHash: string }
  | { ok: false; events: number; firstBadSeq: number; reason: string };
export declare function verifyRange(
  query: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>,
  from: number,
  to: number | null,
  prev: string,
  batchSize: number,
): Promise<RangeResult>;
