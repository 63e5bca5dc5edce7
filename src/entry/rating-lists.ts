/**
 * 入力規則を設定, the plan: a dropdown list on every rating cell the reader found, with the levels as this
 * workbook writes them, 対象外 where the profile has it, an input message that says what Excel's list alone
 * cannot (when 課題と改善策 becomes required), and a warning alert (not stop) for a value outside the list. Pure.
 */
import { FIELD_LABELS, formatRating, Item, RATING_FIELDS, RatingField, RatingValue } from "../model";
import { gridLookup, wholeCellValue, WorkbookGrid } from "../template/grid";
import type { TemplateProfile } from "../template/profile";
import { namedLevels } from "../template/ratings";
import { normalize } from "../template/text";
import { levelTexts } from "./levels";

export interface ListRule {
  sheet: string;
  cell: string;
  item: number;
  field: RatingField;
  /** The list, as Office.js takes it: the texts joined by commas. */
  source: string;
  prompt: { title: string; message: string };
  errorAlert: { title: string; message: string };
}

const ALERT_TITLE = "評価チェック";

/** The list rule of every rating cell of `items`, in the items' order. */
export function planRatingLists(grid: WorkbookGrid, items: readonly Item[], profile: TemplateProfile): ListRule[] {
  const texts = levelTextsByScale(grid, items, profile);
  const na = profile.notApplicableValues[0];
  const cells = gridLookup(grid);
  return items.flatMap((item) =>
    RATING_FIELDS.flatMap((field) => {
      const source = item.sources[field];
      const scale = profile.fields[field].scale;
      // A legend ticked, or a label with the rating typed after it, is the form's print: no list on it.
      if (!source || !scale || source.ticked || wholeCellValue(source, cells) === undefined) return [];
      const levels = texts.get(scale)!;
      const choices = [...levels.values(), ...(na ? [na] : [])];
      return [
        {
          sheet: source.sheet,
          cell: source.cell,
          item: item.no,
          field,
          source: choices.join(","),
          prompt: { title: FIELD_LABELS[field].ja, message: promptMessage(field, item, levels, choices, na) },
          errorAlert: {
            title: ALERT_TITLE,
            message: `「${choices.join("」「")}」のいずれかを入力してください。別の値のまま確定することもできますが、検証でエラーになります。`,
          },
        },
      ];
    }),
  );
}

function promptMessage(field: RatingField, item: Item, levels: Map<RatingValue, string>, choices: string[], na: string | undefined): string {
  const lines = [`一覧から選んでください（${choices.join("、")}）。`];
  const remark = field === "midyear.achievement" ? item.remarkRequiredFor.midyear : field === "final.achievement" ? item.remarkRequiredFor.final : null;
  if (remark !== null) lines.push(`「${levels.get(remark) ?? formatRating(remark)}」のときは「課題と改善策」の記入が必須です。`);
  if (field === "midyear.implementation") lines.push(`「${levels.get("ii") ?? formatRating("ii")}」のときは「課題と改善策」の記入をおすすめします。`);
  if (na) lines.push(`年度の途中から始めた取組は「${na}」を選べます。`);
  return lines.join("\n");
}

/** For each scale, its levels as written in this workbook's rating cells (or legends) of that scale. */
function levelTextsByScale(grid: WorkbookGrid, items: readonly Item[], profile: TemplateProfile): Map<string, Map<RatingValue, string>> {
  const result = new Map<string, Map<RatingValue, string>>();
  const sheets = new Set(items.flatMap((item) => Object.values(item.sources).map((s) => s!.sheet)));
  for (const [name, scale] of Object.entries(profile.scales)) {
    const cells = items.flatMap((item) =>
      RATING_FIELDS.filter((field) => profile.fields[field].scale === name).flatMap((field) => {
        const source = item.sources[field];
        return source && !source.invalid && !source.error && !source.ticked ? [source.text] : [];
      }),
    );
    const legends = grid.sheets
      .filter((sheet) => sheets.has(sheet.name))
      .flatMap((sheet) => sheet.values.flat().map((value) => (typeof value === "string" ? value : "")))
      .filter((text) => text && namedLevels(normalize(text), scale).length >= 2);
    result.set(name, levelTexts(scale, profile, cells, legends));
  }
  return result;
}
