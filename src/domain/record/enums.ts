/**
 * Fixed vocabularies of the form ก.ค.ศ.๑๖ (ระเบียบ ก.ค.ศ. คู่มือ ศธ 0206.2/64 ลว. 26 ม.ค. 2569,
 * แบบ ก.ค.ศ.๑๖ ท้ายคู่มือ). Values are stable ASCII codes; labels are Thai first.
 */
type Labels<T extends string> = Record<T, { th: string; en: string }>;

export const PREFIXES = ['นาย', 'นาง', 'นางสาว'] as const; // ข้อ 3.2.2 (1)

export const BLOOD_GROUPS = ['A', 'B', 'AB', 'O'] as const; // ข้อ 3.2.5

export const FAMILY_RELATIONS = ['father', 'mother', 'spouse'] as const; // ข้อ 3.2.6–3.2.8
export const FAMILY_RELATION_LABELS: Labels<(typeof FAMILY_RELATIONS)[number]> = {
  father: { th: 'บิดา', en: 'Father' },
  mother: { th: 'มารดา', en: 'Mother' },
  spouse: { th: 'คู่สมรส', en: 'Spouse' },
};

export const ADDRESS_KINDS = ['registered', 'contact'] as const; // ข้อ 3.2.12, 3.2.13
export const ADDRESS_KIND_LABELS: Labels<(typeof ADDRESS_KINDS)[number]> = {
  registered: { th: 'ที่อยู่ตามทะเบียนบ้าน', en: 'Registered address' },
  contact: { th: 'ที่อยู่ที่สามารถติดต่อได้', en: 'Contact address' },
};

/** The four licence types printed on the form (item 13). */
export const LICENCE_TYPES = ['teacher', 'school_admin', 'edu_admin', 'supervisor'] as const;
export const LICENCE_TYPE_LABELS: Labels<(typeof LICENCE_TYPES)[number]> = {
  teacher: { th: 'ครู', en: 'Teacher' },
  school_admin: { th: 'ผู้บริหารสถานศึกษา', en: 'School administrator' },
  edu_admin: { th: 'ผู้บริหารการศึกษา', en: 'Education administrator' },
  supervisor: { th: 'ศึกษานิเทศก์', en: 'Supervisor' },
};

export const EDUCATION_LEVELS = [
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational_cert',
  'high_vocational_cert',
  'diploma',
  'bachelor',
  'graduate_diploma',
  'master',
  'higher_graduate_diploma',
  'doctorate',
] as const;
export const EDUCATION_LEVEL_LABELS: Labels<(typeof EDUCATION_LEVELS)[number]> = {
  primary: { th: 'ประถมศึกษา', en: 'Primary' },
  lower_secondary: { th: 'มัธยมศึกษาตอนต้น', en: 'Lower secondary' },
  upper_secondary: { th: 'มัธยมศึกษาตอนปลาย', en: 'Upper secondary' },
  vocational_cert: { th: 'ประกาศนียบัตรวิชาชีพ (ปวช.)', en: 'Vocational certificate' },
  high_vocational_cert: { th: 'ประกาศนียบัตรวิชาชีพชั้นสูง (ปวส.)', en: 'High vocational certificate' },
  diploma: { th: 'อนุปริญญา', en: 'Diploma' },
  bachelor: { th: 'ปริญญาตรี', en: "Bachelor's degree" },
  graduate_diploma: { th: 'ประกาศนียบัตรบัณฑิต', en: 'Graduate diploma' },
  master: { th: 'ปริญญาโท', en: "Master's degree" },
  higher_graduate_diploma: { th: 'ประกาศนียบัตรบัณฑิตชั้นสูง', en: 'Higher graduate diploma' },
  doctorate: { th: 'ปริญญาเอก', en: 'Doctorate' },
};

/** วิทยฐานะ (academic standing), พ.ร.บ.ระเบียบข้าราชการครูฯ 2547 มาตรา 38. */
export const STANDINGS = ['none', 'professional', 'senior_professional', 'expert', 'senior_expert'] as const;
export const STANDING_LABELS: Labels<(typeof STANDINGS)[number]> = {
  none: { th: '-', en: 'None' },
  professional: { th: 'ชำนาญการ', en: 'Professional' },
  senior_professional: { th: 'ชำนาญการพิเศษ', en: 'Senior professional' },
  expert: { th: 'เชี่ยวชาญ', en: 'Expert' },
  senior_expert: { th: 'เชี่ยวชาญพิเศษ', en: 'Senior expert' },
};

/** ตำแหน่งประเภท: the position lines of มาตรา 38, plus other services for pre-transfer history. */
export const POSITION_TYPES = [
  'teaching',
  'school_admin',
  'edu_admin',
  'supervision',
  'other_38c2',
  'other_service',
] as const;
export const POSITION_TYPE_LABELS: Labels<(typeof POSITION_TYPES)[number]> = {
  teaching: { th: 'สายงานการสอน', en: 'Teaching' },
  school_admin: { th: 'สายงานบริหารสถานศึกษา', en: 'School administration' },
  edu_admin: { th: 'สายงานบริหารการศึกษา', en: 'Education administration' },
  supervision: { th: 'สายงานนิเทศการศึกษา', en: 'Supervision' },
  other_38c2: { th: 'บุคลากรทางการศึกษาอื่น 38 ค.(2)', en: 'Other educational personnel 38 c.(2)' },
  other_service: { th: 'ข้าราชการอื่น', en: 'Other civil service' },
};

/**
 * Service-history entry mode (ข้อ 5.1): entries before 1 เม.ย. 2565 of people who served before
 * the regulation are recorded in "reference" mode, pointing at the scanned old record.
 */
export const SERVICE_MODES = ['current', 'reference'] as const;
export const REFERENCE_MODE_CUTOFF = '2022-04-01';

/** ความสามารถพิเศษ: the ten fields of item 19. */
export const ABILITY_FIELDS = [
  'agriculture',
  'activities',
  'sports',
  'dance_music',
  'language',
  'academic',
  'religion_culture',
  'art_craft',
  'industry_technology',
  'other',
] as const;
export const ABILITY_FIELD_LABELS: Labels<(typeof ABILITY_FIELDS)[number]> = {
  agriculture: { th: 'เกษตรกรรม', en: 'Agriculture' },
  activities: { th: 'กิจกรรม/นันทนาการ', en: 'Activities/recreation' },
  sports: { th: 'กีฬา', en: 'Sports' },
  dance_music: { th: 'นาฏศิลป์/ดนตรี', en: 'Dance/music' },
  language: { th: 'ภาษา', en: 'Languages' },
  academic: { th: 'วิชาการ', en: 'Academic' },
  religion_culture: { th: 'ศาสนา/วัฒนธรรม', en: 'Religion/culture' },
  art_craft: { th: 'ศิลปะ/หัตถกรรม/คหกรรม', en: 'Art/crafts/home economics' },
  industry_technology: { th: 'อุตสาหกรรม/เทคโนโลยี', en: 'Industry/technology' },
  other: { th: 'อื่นๆ', en: 'Other' },
};

/** The five penalties of มาตรา 96 พ.ร.บ.ระเบียบข้าราชการครูฯ 2547 (ข้อ 4.4.7). */
export const PENALTIES = ['probation', 'salary_cut', 'salary_reduction', 'dismissal', 'expulsion'] as const;
/** Outcomes a later change may give besides the five penalties (ข้อ 4.4.7 ย่อหน้า 2–4). */
export const PENALTY_OUTCOMES = [...PENALTIES, 'bond_instead', 'warning', 'not_guilty', 'cleared'] as const;
export const PENALTY_LABELS: Labels<(typeof PENALTY_OUTCOMES)[number]> = {
  probation: { th: 'ภาคทัณฑ์', en: 'Probation' },
  salary_cut: { th: 'ตัดเงินเดือน', en: 'Salary cut' },
  salary_reduction: { th: 'ลดเงินเดือน', en: 'Salary reduction' },
  dismissal: { th: 'ปลดออก', en: 'Dismissal' },
  expulsion: { th: 'ไล่ออก', en: 'Expulsion' },
  bond_instead: { th: 'งดโทษ ให้ทำทัณฑ์บน', en: 'Penalty waived, bond' },
  warning: { th: 'ว่ากล่าวตักเตือน', en: 'Warning' },
  not_guilty: { th: 'ไม่เป็นความผิด', en: 'Not an offence' },
  cleared: { th: 'ล้างมลทิน', en: 'Cleared' },
};
/** How a recorded penalty was later changed (ข้อ 4.4.7). */
export const PENALTY_CHANGE_KINDS = [
  'superior_order',
  'appeal',
  'complaint',
  'clearance',
  'amnesty',
] as const;
export const PENALTY_CHANGE_LABELS: Labels<(typeof PENALTY_CHANGE_KINDS)[number]> = {
  superior_order: { th: 'ผู้มีอำนาจตามมาตรา 53/ผู้บังคับบัญชาชั้นเหนือสั่งเปลี่ยนแปลง', en: 'Changed by superior' },
  appeal: { th: 'ผลการอุทธรณ์', en: 'Appeal' },
  complaint: { th: 'ผลการร้องทุกข์', en: 'Complaint' },
  clearance: { th: 'ล้างมลทิน', en: 'Clearance (ล้างมลทิน)' },
  amnesty: { th: 'นิรโทษกรรม', en: 'Amnesty' },
};

/** Royal decorations (ช้างเผือก / มงกุฎไทย), lowest to highest, plus medals and "other". */
export const DECORATIONS = [
  'rgm',
  'rgc',
  'rtm',
  'rtc',
  'bm',
  'bc',
  'jm',
  'jc',
  'tm',
  'tc',
  'thm',
  'thc',
  'pm',
  'pc',
  'mwm',
  'mpc',
  'other',
] as const;
export const DECORATION_LABELS: Labels<(typeof DECORATIONS)[number]> = {
  rgm: { th: 'เหรียญเงินมงกุฎไทย (ร.ง.ม.)', en: 'Silver Medal, Crown of Thailand' },
  rgc: { th: 'เหรียญเงินช้างเผือก (ร.ง.ช.)', en: 'Silver Medal, White Elephant' },
  rtm: { th: 'เหรียญทองมงกุฎไทย (ร.ท.ม.)', en: 'Gold Medal, Crown of Thailand' },
  rtc: { th: 'เหรียญทองช้างเผือก (ร.ท.ช.)', en: 'Gold Medal, White Elephant' },
  bm: { th: 'เบญจมาภรณ์มงกุฎไทย (บ.ม.)', en: 'Member (Fifth Class), Crown of Thailand' },
  bc: { th: 'เบญจมาภรณ์ช้างเผือก (บ.ช.)', en: 'Member (Fifth Class), White Elephant' },
  jm: { th: 'จัตุรถาภรณ์มงกุฎไทย (จ.ม.)', en: 'Companion (Fourth Class), Crown of Thailand' },
  jc: { th: 'จัตุรถาภรณ์ช้างเผือก (จ.ช.)', en: 'Companion (Fourth Class), White Elephant' },
  tm: { th: 'ตริตาภรณ์มงกุฎไทย (ต.ม.)', en: 'Commander (Third Class), Crown of Thailand' },
  tc: { th: 'ตริตาภรณ์ช้างเผือก (ต.ช.)', en: 'Commander (Third Class), White Elephant' },
  thm: { th: 'ทวีติยาภรณ์มงกุฎไทย (ท.ม.)', en: 'Knight Commander (Second Class), Crown of Thailand' },
  thc: { th: 'ทวีติยาภรณ์ช้างเผือก (ท.ช.)', en: 'Knight Commander (Second Class), White Elephant' },
  pm: { th: 'ประถมาภรณ์มงกุฎไทย (ป.ม.)', en: 'Knight Grand Cross (First Class), Crown of Thailand' },
  pc: { th: 'ประถมาภรณ์ช้างเผือก (ป.ช.)', en: 'Knight Grand Cross (First Class), White Elephant' },
  mwm: { th: 'มหาวชิรมงกุฎ (ม.ว.ม.)', en: 'Knight Grand Cordon, Crown of Thailand' },
  mpc: { th: 'มหาปรมาภรณ์ช้างเผือก (ม.ป.ช.)', en: 'Knight Grand Cordon, White Elephant' },
  other: { th: 'อื่นๆ', en: 'Other' },
};

/** Every leave column of item 25, in the order printed on the form. */
export const LEAVE_TYPES = [
  'sick',
  'personal',
  'maternity',
  'paternity',
  'vacation',
  'ordination',
  'military',
  'study_domestic',
  'study_abroad',
  'international_org',
  'follow_spouse',
  'rehabilitation',
  'absent',
  'late',
] as const;
export const LEAVE_TYPE_LABELS: Labels<(typeof LEAVE_TYPES)[number]> = {
  sick: { th: 'ลาป่วย', en: 'Sick leave' },
  personal: { th: 'ลากิจส่วนตัว', en: 'Personal leave' },
  maternity: { th: 'ลาคลอดบุตร', en: 'Maternity leave' },
  paternity: { th: 'ลาไปช่วยเหลือภริยาที่คลอดบุตร', en: 'Paternity leave' },
  vacation: { th: 'ลาพักผ่อน', en: 'Vacation' },
  ordination: { th: 'ลาอุปสมบทหรือลาไปประกอบพิธีฮัจญ์', en: 'Ordination/Hajj' },
  military: { th: 'ลาเข้ารับการตรวจเลือกหรือเข้ารับการเตรียมพล', en: 'Military call-up' },
  study_domestic: { th: 'ลาไปศึกษา ฝึกอบรม ปฏิบัติการวิจัย หรือดูงาน (ในประเทศ)', en: 'Study (domestic)' },
  study_abroad: { th: 'ลาไปศึกษา ฝึกอบรม ปฏิบัติการวิจัย หรือดูงาน (ต่างประเทศ)', en: 'Study (abroad)' },
  international_org: { th: 'ลาไปปฏิบัติงานในองค์การระหว่างประเทศ', en: 'International organisation' },
  follow_spouse: { th: 'ลาติดตามคู่สมรส', en: 'Following spouse' },
  rehabilitation: { th: 'ลาไปฟื้นฟูสมรรถภาพด้านอาชีพ', en: 'Vocational rehabilitation' },
  absent: { th: 'ขาดราชการ', en: 'Absent without leave' },
  late: { th: 'มาสาย', en: 'Late' },
};

export const OTHER_ITEM_CATEGORIES = ['beneficiary', 'other'] as const;
export const OTHER_ITEM_LABELS: Labels<(typeof OTHER_ITEM_CATEGORIES)[number]> = {
  beneficiary: { th: 'ผู้รับผลประโยชน์', en: 'Beneficiary' },
  other: { th: 'อื่นๆ', en: 'Other' },
};

export const PERSON_STATUSES = ['active', 'removed'] as const;
