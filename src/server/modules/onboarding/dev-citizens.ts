import { nationalIdCheckDigit } from '../../../domain/national-id.ts';

/** A ThaiD-shaped identity: the claims Digital ID returns from the civil registry (ข้อ 3.2). */
export type CivilClaims = {
  pid: string;
  title: string;
  given_name: string;
  family_name: string;
  birthdate: string;
  ial: number;
};

const id = (first12: string) => `${first12}${nationalIdCheckDigit(first12)}`;

/**
 * Fictional citizens of the development identity provider (OIDC_DEV_PROVIDER=1 only). The login
 * form of /dev-oidc takes one of these 13-digit IDs; nothing here is a real person.
 */
export const DEV_CITIZENS: CivilClaims[] = [
  {
    pid: id('190990000001'),
    title: 'นางสาว',
    given_name: 'มาลัย',
    family_name: 'ทองประเสริฐ',
    birthdate: '1999-03-15',
    ial: 2.3,
  },
  {
    pid: id('190990000002'),
    title: 'นาย',
    given_name: 'กิตติพงษ์',
    family_name: 'บุญเรือง',
    birthdate: '1998-11-02',
    ial: 2.3,
  },
  {
    pid: id('190990000003'),
    title: 'นาง',
    given_name: 'สุนันทา',
    family_name: 'ศรีวงศ์',
    birthdate: '1996-07-21',
    ial: 2.3,
  },
];
