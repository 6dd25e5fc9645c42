import type { DbHandle } from '../../src/server/platform/db/index.ts';

/** Finds a person's id by national ID (tests only). */
export async function personIdByNationalId(h: DbHandle, nationalId: string): Promise<string> {
  const [r] = await h.query<{ id: string }>('select id from persons where national_id = $1', [nationalId]);
  if (!r) throw new Error(`no person ${nationalId}`);
  return r.id;
}

/** The first (by national ID) teacher of a school who has no user account. */
export async function teacherOf(h: DbHandle, officeCode: string, nth = 0): Promise<string> {
  const rows = await h.query<{ id: string }>(
    `select p.id from persons p join offices o on o.id = p.office_id
      where o.code = $1 and not exists (select 1 from users u where u.person_id = p.id)
      order by p.national_id offset $2 limit 1`,
    [officeCode, nth],
  );
  if (!rows[0]) throw new Error(`no teacher at ${officeCode}`);
  return rows[0].id;
}

/** A fingerprint of everything a request could change (for "bad input changes nothing"). */
export async function contentHash(h: DbHandle): Promise<string> {
  const tables = [
    'persons',
    'person_names',
    'person_family',
    'person_addresses',
    'person_licences',
    'person_education',
    'person_service',
    'person_training',
    'person_research',
    'person_study_visits',
    'person_abilities',
    'person_special_duties',
    'person_discipline',
    'person_ethics',
    'person_martial_law',
    'person_decorations',
    'person_leave',
    'person_others',
    'person_photos',
    'audit_events',
    'role_assignments',
  ];
  const parts: string[] = [];
  for (const t of tables) {
    const [r] = await h.query<{ h: string | null }>(
      `select md5(string_agg(x::text, '|' order by x::text)) as h from ${t} x`,
    );
    parts.push(`${t}:${r?.h}`);
  }
  return parts.join(',');
}
