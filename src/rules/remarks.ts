import { formatRating } from "../model";
import { FIELD_LABELS } from "./catalog";
import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

const REQUIRED_WHEN = 2;

export const midyearRemarkRequired: Rule = ({ items }) =>
  items
    .filter((item) => item.midyear.achievement === REQUIRED_WHEN && !item.midyear.remark && !isUnreadable(item, "midyear.remark"))
    .map((item) => remarkRequired(item, "midyear.achievement", "midyear.remark"));

export const finalRemarkRequired: Rule = ({ items }) =>
  items
    .filter((item) => item.final.achievement === REQUIRED_WHEN && !item.final.remark && !isUnreadable(item, "final.remark"))
    .map((item) => remarkRequired(item, "final.achievement", "final.remark"));

export const remarkRecommended: Rule = ({ items }) =>
  items
    .filter((item) => item.midyear.implementation === "ii" && !item.midyear.remark)
    .map((item) => itemFinding("REMARK_RECOMMENDED", item, "midyear.remark"));

function remarkRequired(
  item: Parameters<typeof itemFinding>[1],
  rating: "midyear.achievement" | "final.achievement",
  remark: "midyear.remark" | "final.remark",
) {
  return itemFinding("REMARK_REQUIRED", item, item.sources[remark] ? remark : rating, {
    ratingLabel: FIELD_LABELS[rating].ja,
    ratingLabelEn: FIELD_LABELS[rating].en,
    level: formatRating(REQUIRED_WHEN),
  });
}
