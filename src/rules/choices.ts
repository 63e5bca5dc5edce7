import { formatRating, RatingField } from "../model";
import type { TemplateProfile } from "../template/profile";

/** The levels a rating field accepts, as people write them: 「①・②」, 「(i)・(ii)」 — from the field's scale in the profile. */
export function choicesOf(profile: TemplateProfile, field: RatingField): string {
  const scale = profile.scales[profile.fields[field].scale ?? ""];
  return (scale?.levels ?? []).map((level) => formatRating(level.value)).join("・");
}
