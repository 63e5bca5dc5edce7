import { formatRating, Item } from "../model";
import { FIELD_LABELS } from "./catalog";
import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

/** 課題と改善策 is required when the section's achievement is the level the form's note names (②). */
function remarkRequiredIn(section: "midyear" | "final"): Rule {
  const rating = `${section}.achievement` as const;
  const remark = `${section}.remark` as const;
  return ({ items }) =>
    items
      .filter((item) => item[section].achievement === item.remarkRequiredFor[section] && !item[section].remark && !isUnreadable(item, remark))
      .map((item: Item) =>
        itemFinding("REMARK_REQUIRED", item, item.sources[remark] ? remark : rating, {
          ratingLabel: FIELD_LABELS[rating].ja,
          ratingLabelEn: FIELD_LABELS[rating].en,
          level: formatRating(item.remarkRequiredFor[section]),
        }),
      );
}

export const midyearRemarkRequired = remarkRequiredIn("midyear");
export const finalRemarkRequired = remarkRequiredIn("final");

export const remarkRecommended: Rule = ({ items }) =>
  items
    .filter((item) => item.midyear.implementation === "ii" && !item.midyear.remark)
    .map((item) => itemFinding("REMARK_RECOMMENDED", item, "midyear.remark"));
