import { fieldValue, phaseReaches, RATING_FIELDS, RatingField } from "../model";
import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

const CHOICES: Record<RatingField, string> = {
  "midyear.implementation": "(i)・(ii)",
  "midyear.achievement": "①・②",
  "final.achievement": "①・②",
};

export const ratingInvalid: Rule = ({ items }) =>
  items.flatMap((item) =>
    RATING_FIELDS.filter((field) => item.sources[field]?.invalid).map((field) =>
      itemFinding("RATING_INVALID", item, field, { value: item.sources[field]!.text.trim(), choices: CHOICES[field] }),
    ),
  );

/** Mid-year ratings from phase midyear on, the self-evaluation at phase final. 対象外 counts as given. */
export const ratingMissing: Rule = ({ items, phase }) => {
  const due = RATING_FIELDS.filter((field) => phaseReaches(phase, field.startsWith("final") ? "final" : "midyear"));
  return items.flatMap((item) =>
    due
      .filter((field) => fieldValue(item, field) === null && !isUnreadable(item, field))
      .map((field) => itemFinding("RATING_MISSING", item, field, { choices: CHOICES[field] })),
  );
};

export const outlookInconsistent: Rule = ({ items }) =>
  items
    .filter((item) => item.midyear.implementation === "ii" && item.midyear.achievement === 1)
    .map((item) => itemFinding("OUTLOOK_INCONSISTENT", item, "midyear.achievement"));
