/**
 * npm run gen -- --people 600000 [--seed N] [--out DIR]
 *
 * Writes a deterministic national dataset in the import format (docs/import-format.md): the
 * office tree (OTEPC → OBEC สพป./สพม. district offices, OVEC colleges, OPS provincial offices →
 * ~1 school per 17 people, i.e. ~35,000 schools for 600k people) over the 77 real provinces, and
 * people from the demo generator (valid IDs, histories consistent with the salary table, leave
 * per fiscal year, decorations, some discipline). Rows are streamed to disk person by person;
 * manifest.json carries the counts, the seed and a SHA-256 over all rows written.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import addressData from '../data/reference/thai-addresses.json' with { type: 'json' };
import { createAddressBook } from '../src/domain/address.ts';
import { generatePerson, nationalIdFrom, rng } from '../src/server/modules/demo/generator.ts';
import { CsvDatasetWriter } from '../src/server/modules/exchange/export.ts';
import {
  COLUMNS,
  cellText,
  EXCHANGE_ITEMS,
  type ExchangeItem,
  fromEntry,
  GROUPS,
  type GroupKey,
} from '../src/server/modules/exchange/format.ts';

const book = createAddressBook(addressData as never);

type GenOffice = {
  code: string;
  nameTh: string;
  kind: string;
  parentCode: string | null;
  provinceCode: string;
};

export type GenOptions = {
  people: number;
  seed?: number;
  out: string;
  today?: string;
  log?: (s: string) => void;
  /** Light datasets for CI-sized tests: only these item groups, and only the latest `lastN` rows of each. */
  only?: ExchangeItem[];
  lastN?: number;
};
export type Manifest = {
  format: 'khru-import/1';
  seed: number;
  today: string;
  counts: Record<string, number>;
  sha256: string;
  ms: number;
};

/** The office tree for a dataset of `people` people (deterministic). */
export function nationalOffices(people: number): { offices: GenOffice[]; schools: GenOffice[] } {
  const provinces = book.provinces();
  const offices: GenOffice[] = [
    { code: 'OTEPC', nameTh: 'สำนักงาน ก.ค.ศ.', kind: 'otepc', parentCode: null, provinceCode: '10' },
    {
      code: 'OBEC',
      nameTh: 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
      kind: 'agency',
      parentCode: 'OTEPC',
      provinceCode: '10',
    },
    {
      code: 'OPS',
      nameTh: 'สำนักงานปลัดกระทรวงศึกษาธิการ',
      kind: 'agency',
      parentCode: 'OTEPC',
      provinceCode: '10',
    },
    {
      code: 'OVEC',
      nameTh: 'สำนักงานคณะกรรมการการอาชีวศึกษา',
      kind: 'agency',
      parentCode: 'OTEPC',
      provinceCode: '10',
    },
  ];
  // 245 district offices: 183 primary (สพป., 1–5 per province by size) and 62 secondary (สพม.).
  const districts: GenOffice[] = [];
  provinces.forEach((p, i) => {
    for (let k = 1; k <= (i < 53 ? 3 : 1); k++)
      districts.push({
        code: `SPP-${p.code}-${k}`,
        nameTh: `สำนักงานเขตพื้นที่การศึกษาประถมศึกษา${p.nameTh} เขต ${k}`,
        kind: 'area_office',
        parentCode: 'OBEC',
        provinceCode: p.code,
      });
  });
  for (const p of provinces.slice(0, 62))
    districts.push({
      code: `SPM-${p.code}`,
      nameTh: `สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา${p.nameTh}`,
      kind: 'area_office',
      parentCode: 'OBEC',
      provinceCode: p.code,
    });
  for (const p of provinces)
    offices.push({
      code: `PEO-${p.code}`,
      nameTh: `สำนักงานศึกษาธิการจังหวัด${p.nameTh}`,
      kind: 'provincial_office',
      parentCode: 'OPS',
      provinceCode: p.code,
    });
  offices.push(...districts);
  const nSchools = Math.max(1, Math.round(people / 17));
  const schools: GenOffice[] = [];
  const r = rng(4242);
  for (let i = 0; i < nSchools; i++) {
    // ~2 % vocational colleges directly under OVEC; the rest under a district office.
    if (i % 50 === 49) {
      const p = provinces[i % provinces.length]!;
      schools.push({
        code: `VC-${p.code}-${String(i).padStart(5, '0')}`,
        nameTh: `วิทยาลัยเทคนิค${p.nameTh} ${i}`,
        kind: 'school',
        parentCode: 'OVEC',
        provinceCode: p.code,
      });
      continue;
    }
    const d = districts[i % districts.length]!;
    const amphoe = r.pick(book.amphoesOf(d.provinceCode));
    schools.push({
      code: `SCH-${d.provinceCode}-${String(i).padStart(5, '0')}`,
      nameTh: `โรงเรียนบ้าน${amphoe.nameTh.replace(/^(อำเภอ|เขต)/, '')} ${i}`,
      kind: 'school',
      parentCode: d.code,
      provinceCode: d.provinceCode,
    });
  }
  return { offices: [...offices, ...schools], schools };
}

/** Generates the dataset into `out` (streamed; memory stays flat whatever `people` is). */
export async function generateDataset(o: GenOptions): Promise<Manifest> {
  const t0 = performance.now();
  const seed = o.seed ?? 20261121;
  const today = o.today ?? '2026-11-21';
  const w = new CsvDatasetWriter(o.out, GROUPS);
  const counts: Record<string, number> = Object.fromEntries(GROUPS.map((g) => [g, 0]));
  const hash = createHash('sha256');
  const put = async (g: GroupKey, cells: unknown[]) => {
    const c = cells.map(cellText);
    hash.update(g).update('\t').update(c.join('\t')).update('\n');
    counts[g]!++;
    await w.write(g, c);
  };
  const { offices, schools } = nationalOffices(o.people);
  const byCode = new Map(offices.map((x) => [x.code, x]));
  for (const x of offices)
    await put('offices', [x.code, x.nameTh, null, x.kind, x.parentCode, x.provinceCode]);
  const r = rng(seed);
  const posNo = new Uint32Array(schools.length);
  const idPrefix = `1${String(seed % 100).padStart(2, '0')}`;
  for (let i = 0; i < o.people; i++) {
    const si = r.int(0, schools.length - 1);
    const school = schools[si]!;
    const parent = byCode.get(school.parentCode!)!;
    posNo[si]! += 1;
    const positionNumber = String(posNo[si]);
    const g = generatePerson(r, `${idPrefix}${String(i + 1).padStart(9, '0')}`, {
      agency: `${school.nameTh} ${parent.nameTh}`,
      provinceCode: school.provinceCode,
      positionNumber,
      today,
      career: posNo[si] === 1 ? 'director' : 'teacher',
    });
    await put('people', [
      g.nationalId,
      null,
      school.code,
      positionNumber,
      'active',
      g.personal.birthDate,
      g.personal.bloodGroup,
      g.personal.appointmentDate,
      g.personal.subjectGroup,
    ]);
    for (const k of o.only ?? EXCHANGE_ITEMS) {
      const all = (g.items as Record<string, Record<string, unknown>[]>)[k] ?? [];
      for (const e of o.lastN ? all.slice(-o.lastN) : all) {
        const flat = fromEntry(k, { ...e });
        flat.nationalId = g.nationalId;
        await put(
          k,
          COLUMNS[k].map((c) => flat[c.key]),
        );
      }
    }
    if (o.log && (i + 1) % 50_000 === 0) o.log(`  ${i + 1} / ${o.people} คน`);
  }
  await w.close();
  const manifest: Manifest = {
    format: 'khru-import/1',
    seed,
    today,
    counts,
    sha256: hash.digest('hex'),
    ms: Math.round(performance.now() - t0),
  };
  writeFileSync(path.join(o.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** nationalIdFrom is re-exported for tests that need an ID outside the generated range. */
export { nationalIdFrom };

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '600000' },
      seed: { type: 'string', default: '20261121' },
      out: { type: 'string' },
    },
  });
  const people = Number(values.people);
  const out = path.resolve(values.out ?? `bench/data/people-${people}`);
  console.log(`สร้างชุดข้อมูลระดับประเทศ ${people} คน → ${out}`);
  const m = await generateDataset({ people, seed: Number(values.seed), out, log: console.log });
  console.log(JSON.stringify(m, null, 2));
}
