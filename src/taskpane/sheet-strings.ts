/**
 * The strings of the help while typing (#13): the sheet tools (入力規則を設定, 強調表示 / 解除), live re-check, stale
 * summaries and the findings list's filters, in each language. Kept apart from i18n.ts, which holds the rest.
 */
import { FIELD_LABELS, Locale, PHASE_LABELS, Phase, RatingField } from "../model";

export interface SheetStrings {
  toolsHeading: string;
  toolsHint: string;
  setRules: string;
  settingRules: string;
  rulesSet: (set: number, already: number) => string;
  ownRules: (cells: { sheet: string; cell: string; item: number; field: RatingField }[]) => string;
  protectedSheets: (sheets: string[]) => string;
  highlight: string;
  highlightNeedsResult: string;
  highlighting: string;
  highlighted: (errors: number, warnings: number) => string;
  clearHighlight: string;
  clearing: string;
  cleared: (removed: number) => string;
  highlightOn: (phase: Phase, at: string, errors: number, warnings: number) => string;
  highlightOutdated: string;
  undoOnce: string;
  undoUnavailable: string;
  rechecked: (errors: number, warnings: number, fixed: number, added: number) => string;
  liveOn: string;
  liveFailed: string;
  liveUnavailable: string;
  staleTitle: string;
  stale: (phase: Phase, at: string, current: Phase, phaseDiffers: boolean) => string;
  remake: string;
  filterSeverity: string;
  filterItem: string;
  filterAll: string;
  filterErrors: (n: number) => string;
  filterWarnings: (n: number) => string;
  filterAllItems: string;
  filterItemOption: (no: number, title: string | null, n: number) => string;
  workbookWide: (n: number) => string;
  shown: (shown: number, total: number) => string;
  noneShown: string;
  goToCell: (place: string) => string;
}

/** "2025/10/01 14:05" in the user's time zone. */
export function formatWhen(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === "ja" ? "ja-JP" : "en-US", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

const ja: SheetStrings = {
  toolsHeading: "ブックへの入力補助",
  toolsHint: "評価のセルに選択肢を付けたり、指摘のあるセルに色を付けたりします。セルの値は変わりません。",
  setRules: "入力規則を設定",
  settingRules: "入力規則を設定しています…",
  rulesSet: (set, already) => (set ? `評価のセル ${set} か所に選択肢（入力規則）を設定しました。` : "新たに設定するセルはありませんでした。") + (already ? `（${already} か所は設定済み）` : ""),
  ownRules: (cells) =>
    `次のセルには独自の入力規則があるため、変更していません: ${cells
      .slice(0, 5)
      .map((c) => `${c.sheet}!${c.cell}（取組項目 ${c.item}・${FIELD_LABELS[c.field].ja}）`)
      .join("、")}${cells.length > 5 ? ` ほか ${cells.length - 5} か所` : ""}`,
  protectedSheets: (sheets) => `シート「${sheets.join("」「")}」は保護されているため、変更していません。`,
  highlight: "強調表示",
  highlightNeedsResult: "「強調表示」は検証結果の指摘のセルに色を付けます。先に「検証」を押してください。",
  highlighting: "強調表示しています…",
  highlighted: (errors, warnings) => (errors + warnings ? `指摘のあるセルに色を付けました（エラー ${errors} か所 / 警告 ${warnings} か所）。` : "色を付けるセルはありません。"),
  clearHighlight: "強調表示を解除",
  clearing: "強調表示を解除しています…",
  cleared: (removed) => (removed ? `強調表示を解除しました（${removed} か所）。` : "解除する強調表示はありませんでした。"),
  highlightOn: (phase, at, errors, warnings) => `強調表示中: ${PHASE_LABELS[phase].ja}・${at} の検証結果（エラー ${errors} か所 / 警告 ${warnings} か所）`,
  highlightOutdated: "検証結果が変わりました。色はそのままです。もう一度「強調表示」を押すと付け直します。",
  undoOnce: "Ctrl+Z を 1 回押すと元に戻せます。",
  undoUnavailable: "この Excel（ExcelApi 1.20 より前）では、入力規則・強調表示・集計を Ctrl+Z で元に戻せません。",
  rechecked: (errors, warnings, fixed, added) =>
    `入力に合わせて再検証しました。エラー ${errors} 件 / 警告 ${warnings} 件${fixed ? `、${fixed} 件解消` : ""}${added ? `、${added} 件追加` : ""}。`,
  liveOn: "検証後は、評価のセルを書き換えるとその様式を自動で再検証します。",
  liveFailed: "自動の再検証ができませんでした（シートの名前が変わったなど）。もう一度「検証」を押してください。",
  liveUnavailable: "この Excel（ExcelApi 1.7 より前）では入力中の自動再検証ができません。書き換えた後に「検証」を押してください。",
  staleTitle: "集計が最新ではありません",
  stale: (phase, at, current, phaseDiffers) =>
    `「集計」「検証結果」シートは ${PHASE_LABELS[phase].ja}・${at} の検証結果で作られています。${
      phaseDiffers ? `今の検証結果は ${PHASE_LABELS[current].ja} です。` : "その後、指摘が変わりました。"
    }`,
  remake: "再作成",
  filterSeverity: "種類",
  filterItem: "取組項目",
  filterAll: "すべて",
  filterErrors: (n) => `エラー（${n}）`,
  filterWarnings: (n) => `警告（${n}）`,
  filterAllItems: "すべての取組項目",
  filterItemOption: (no, title, n) => `取組項目 ${no}${title ? `【${title}】` : ""}（${n}）`,
  workbookWide: (n) => `ブック全体（${n}）`,
  shown: (shown, total) => `${total} 件中 ${shown} 件を表示`,
  noneShown: "この条件に当てはまる指摘はありません。",
  goToCell: (place) => `${place} へ移動`,
};

const en: SheetStrings = {
  toolsHeading: "Help in the workbook",
  toolsHint: "Adds choice lists to the rating cells and colours the cells with findings. No cell value changes.",
  setRules: "Set input rules",
  settingRules: "Setting input rules…",
  rulesSet: (set, already) => (set ? `Added a choice list (data validation) to ${set} rating cells.` : "No cell needed a new rule.") + (already ? ` (${already} already had it)` : ""),
  ownRules: (cells) =>
    `These cells have input rules of their own and were left as they are: ${cells
      .slice(0, 5)
      .map((c) => `${c.sheet}!${c.cell} (item ${c.item}, ${FIELD_LABELS[c.field].en})`)
      .join(", ")}${cells.length > 5 ? ` and ${cells.length - 5} more` : ""}`,
  protectedSheets: (sheets) => `Sheet ${sheets.map((s) => `"${s}"`).join(", ")} is protected and was not changed.`,
  highlight: "Highlight",
  highlightNeedsResult: "Highlight colours the cells of the findings: press Validate first.",
  highlighting: "Highlighting…",
  highlighted: (errors, warnings) => (errors + warnings ? `Coloured the cells with findings (${errors} errors / ${warnings} warnings).` : "No cell to colour."),
  clearHighlight: "Clear highlight",
  clearing: "Clearing the highlight…",
  cleared: (removed) => (removed ? `Cleared the highlight (${removed} cells).` : "There was no highlight to clear."),
  highlightOn: (phase, at, errors, warnings) => `Highlighted: the ${PHASE_LABELS[phase].en} result of ${at} (${errors} errors / ${warnings} warnings)`,
  highlightOutdated: "The findings have changed; the colours have not. Press Highlight again to renew them.",
  undoOnce: "Press Ctrl+Z once to undo it.",
  undoUnavailable: "In this Excel (before ExcelApi 1.20), input rules, highlighting and the summary cannot be undone with Ctrl+Z.",
  rechecked: (errors, warnings, fixed, added) =>
    `Re-checked as you typed: ${errors} errors / ${warnings} warnings${fixed ? `, ${fixed} fixed` : ""}${added ? `, ${added} new` : ""}.`,
  liveOn: "After a validation, changing a rating cell re-checks its form by itself.",
  liveFailed: "Could not re-check by itself (a sheet renamed?). Press Validate again.",
  liveUnavailable: "This Excel (before ExcelApi 1.7) cannot re-check while you type. Press Validate after your changes.",
  staleTitle: "The summary is out of date",
  stale: (phase, at, current, phaseDiffers) =>
    `The sheets 集計 and 検証結果 were made from the ${PHASE_LABELS[phase].en} result of ${at}. ${
      phaseDiffers ? `The current result is for ${PHASE_LABELS[current].en}.` : "The findings have changed since."
    }`,
  remake: "Remake",
  filterSeverity: "Kind",
  filterItem: "Item",
  filterAll: "All",
  filterErrors: (n) => `Errors (${n})`,
  filterWarnings: (n) => `Warnings (${n})`,
  filterAllItems: "All items",
  filterItemOption: (no, title, n) => `Item ${no}${title ? `【${title}】` : ""} (${n})`,
  workbookWide: (n) => `Whole workbook (${n})`,
  shown: (shown, total) => `Showing ${shown} of ${total}`,
  noneShown: "No finding matches these filters.",
  goToCell: (place) => `Go to ${place}`,
};

export const SHEET_STRINGS: Record<Locale, SheetStrings> = { ja, en };
