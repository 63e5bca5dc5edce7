import { z } from "zod";

/** 対象外 (not applicable), written on purpose for an item started mid-year. */
export const NOT_APPLICABLE = "na";

/** 目標の達成見込み / 自己評価: ① or ②. */
export const Achievement = z.union([z.literal(1), z.literal(2), z.literal(NOT_APPLICABLE)]).nullable();
export type Achievement = z.infer<typeof Achievement>;

/** 取組内容の実施見込み: (i) or (ii). */
export const Implementation = z.enum(["i", "ii", NOT_APPLICABLE]).nullable();
export type Implementation = z.infer<typeof Implementation>;

export type RatingValue = NonNullable<Achievement> | NonNullable<Implementation>;

/** How a rating is shown to people: ①, (ii), 対象外. */
export function formatRating(value: RatingValue | null): string {
  switch (value) {
    case null:
      return "";
    case NOT_APPLICABLE:
      return "対象外";
    case 1:
      return "①";
    case 2:
      return "②";
    default:
      return `(${value})`;
  }
}
