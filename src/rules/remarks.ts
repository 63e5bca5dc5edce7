import { formatRating } from "../model";
import { FIELD_LABELS } from "./catalog";
import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

/** 課題と改善策 is required when the achievement is the level the form's note names (②). */
export const midyearRemarkRequired: Rule = ({ items }) =>
  items
    .filter(
      (item) =>
        item.midyear.achievement === item.remarkRequiredFor.midyear && !item.midyear.remark && !isUnreadable(item, "midyear.remark"),
    )
    .map((item) => remarkRequired(item, "midyear.achievement", "midyear.remark", item.remarkRequiredFor.midyear));

export const finalRemarkRequired: Rule = ({ items }) =>
  items
    .filter((item) => item.final.achievement === item.remarkRequiredFor.final && !item.final.remark && !isUnreadable(item, "final.remark"))
    .map((item) => remarkRequired(item, "final.achievement", "final.remark", item.remarkRequiredFor.final));

export const remarkRecommended: Rule = ({ items }) =>
  items
    .filter((item) => item.midyear.implementation === "ii" && !item.midyear.remark)
    .map((item) => itemFinding("REMARK_RECOMMENDED", item, "midyear.remark"));

function remarkRequired(
  item: Parameters<typeof itemFinding>[1],
  rating: "midyear.achievement" | "final.achievement",
  remark: "midyear.remark" | "final.remark",
  level: 1 | 2,
) {
  return itemFinding("REMARK_REQUIRED", item, item.sources[remark] ? remark : rating, {
    ratingLabel: FIELD_LABELS[rating].ja,
    ratingLabelEn: FIELD_LABELS[rating].en,
    level: formatRating(level),
  });
}
