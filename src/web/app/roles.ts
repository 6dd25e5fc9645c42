import type { Lang } from '../../domain/i18n/messages.ts';
import type { SessionUser } from '../api/types.ts';

/** English names of the roles (the Thai names come from the server with each assignment). */
const ROLE_EN: Record<string, string> = {
  owner: 'Record owner',
  records_officer: 'Records officer',
  data_entry_clerk: 'Data-entry clerk',
  access_controller: 'Access controller',
  certifier: 'Certifier',
  data_controller: 'Data controller',
  school_director: 'School director',
  district_director: 'District director',
  provincial_officer: 'Provincial education officer',
  agency_head: 'Agency head',
};

/** The user's roles in the UI language, without repeats (one user may hold a role in two offices). */
export function roleLabels(user: SessionUser, lang: Lang): string[] {
  const out: string[] = [];
  const isOwner = user.roles.includes('owner') || user.personId !== null;
  if (isOwner) out.push(lang === 'th' ? 'เจ้าของประวัติ' : ROLE_EN.owner!);
  for (const a of user.assignments) out.push(lang === 'th' ? a.roleTh : (ROLE_EN[a.role] ?? a.role));
  return [...new Set(out)];
}
