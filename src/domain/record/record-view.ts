import type { PERSON_STATUSES } from './enums.ts';
import type { EntryData, ListItemKey, RecordItemKey } from './items.ts';
import type { ProtectedField } from './protected-fields.ts';

/** One stored entry of a list item as the API returns it. */
export type Entry<K extends ListItemKey> = EntryData<K> & {
  id: string;
  /** Optimistic-concurrency version of this entry; send it back when editing or removing. */
  version: number;
};

/** Actions the caller may take, sent with each entity so the UI never re-implements the rules. */
export type AllowedActions = {
  /** Item keys the caller may read (a clerk sees only assigned items). */
  read: RecordItemKey[];
  /** Item keys the caller may add/edit/remove entries of. */
  edit: RecordItemKey[];
  /**
   * Personal fields no direct edit may change (the record is established): only an approved
   * correction request does (ข้อ 4.2.1/4.2.2, protected-fields.ts). Shown read-only.
   */
  correctionOnly: ProtectedField[];
};

export type OfficeRef = { id: string; code: string; nameTh: string; kind: string };

/** The full electronic record ก.ค.ศ.๑๖ of one person, as returned by GET …/record. */
export type RecordView = {
  person: {
    id: string;
    nationalId: string;
    status: (typeof PERSON_STATUSES)[number];
    /** Record version: bumped by every change to any item (signatures cover a version). */
    recordVersion: number;
    /** Version of the single-valued personal data; send it back when editing it. */
    version: number;
    birthDate: string | null;
    bloodGroup: string | null;
    appointmentDate: string | null;
    /** Derived from the birth date (ข้อ 3.2.10); never stored or typed. */
    retirementDate: string | null;
    /** The day one turns 60 (ป.พ.พ. มาตรา 16). */
    sixtiethBirthday: string | null;
    subjectGroup: string | null;
    office: OfficeRef | null;
    position: { id: string; positionNumber: string; title: string } | null;
    /** Current name (the latest entry of item 1), denormalised for lists and headings. */
    displayName: string;
    updatedAt: string;
    /** Six years or more since the latest photo, or none yet (ข้อ 3.2.1: a new photo every 6 years); always sent by the API. */
    photoDue?: boolean;
  };
  /** Present only for the items the caller may read. */
  items: Partial<{ [K in ListItemKey]: Entry<K>[] }>;
  /** Item 27: change history, newest first. */
  history?: HistoryRow[];
  allowed: AllowedActions;
  /** "ข้อมูล ณ วันที่": when this view was produced (ISO timestamp). */
  asOf: string;
};

/** Item 27 (ข้อ 4.4.13): one changed field. */
export type HistoryRow = {
  at: string;
  item: RecordItemKey;
  field: string;
  from: string | null;
  to: string | null;
  actorName: string;
  eventSeq: number;
};
