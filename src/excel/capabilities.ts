/**
 * What this Excel can do for each action that writes, checked before anything is written, and the run that makes
 * an action one undo step where Excel can (ExcelApi 1.20, Excel.run({ mergeUndoGroup: true }, …)).
 */
import { HostError } from "./host-error";
import { EXCEL_API, ExcelMember, OfficeApi, supports, versionAtLeast } from "./office-api";

/** The members each feature needs. */
export const FEATURES = {
  inputRules: {
    members: ["Range.dataValidation", "DataValidation.type", "DataValidation.rule", "DataValidation.prompt", "DataValidation.errorAlert"],
    ja: "入力規則の設定",
    en: "setting input rules (data validation)",
  },
  highlight: {
    members: [
      "Range.conditionalFormats",
      "ConditionalFormatCollection.items",
      "ConditionalFormatCollection.add",
      "ConditionalFormat.type",
      "ConditionalFormat.custom",
      "ConditionalFormat.delete",
      "ConditionalFormatRule.formula",
      "ConditionalRangeFill.color",
      "ConditionalRangeFont.color",
      "ConditionalRangeBorder.style",
      "Workbook.settings",
    ],
    ja: "強調表示",
    en: "highlighting",
  },
  liveCheck: { members: ["Worksheet.onChanged"], ja: "入力中の再検証", en: "re-checking while you type" },
} satisfies Record<string, { members: ExcelMember[]; ja: string; en: string }>;

export type Feature = keyof typeof FEATURES;

/** The ExcelApi version a feature needs: the highest of its members'. */
export function versionFor(feature: Feature): string {
  return FEATURES[feature].members.map((m) => EXCEL_API[m]).reduce((a, b) => (versionAtLeast(a, b) ? a : b));
}

export function hasFeature(api: OfficeApi, feature: Feature): boolean {
  return supports(api, ...FEATURES[feature].members);
}

/** What this Excel lacks for the feature, in one line of each language; null when it has everything. */
export function lacking(api: OfficeApi, feature: Feature): { ja: string; en: string } | null {
  if (hasFeature(api, feature)) return null;
  const version = versionFor(feature);
  const { ja, en } = FEATURES[feature];
  return {
    ja: `この Excel（ExcelApi ${version} より前）は${ja}に対応していないため、実行しませんでした。Microsoft 365 版 Excel または Excel on the web でお使いください。`,
    en: `This Excel (before ExcelApi ${version}) does not support ${en}, so nothing was done. Use Microsoft 365 Excel or Excel on the web.`,
  };
}

/** Throws the lacking message as a HostError (code ApiNotFound) before anything is written. */
export function requireFeature(api: OfficeApi, feature: Feature): void {
  const missing = lacking(api, feature);
  if (missing) throw new HostError(missing.ja, "ApiNotFound");
}

/** Whether one Ctrl+Z takes back an action's writes at once (ExcelApi 1.20 undo grouping). */
export function undoableAtOnce(api: OfficeApi): boolean {
  return supports(api, "RunOptions.mergeUndoGroup");
}

/**
 * Runs an action's batch: as one undo group where this Excel has undo support for the API, else plainly (Excel
 * before 1.20 cannot undo what an add-in writes; the pane says so before the action).
 */
export function runAction<T>(api: OfficeApi, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return undoableAtOnce(api) ? api.Excel.run({ mergeUndoGroup: true }, batch) : api.Excel.run(batch);
}
