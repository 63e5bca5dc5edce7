import { FIELD_LABELS, FieldName, itemHeading, Locale, PHASE_LABELS, Phase, Severity, SEVERITY_LABELS, WHOLE_WORKBOOK } from "../model";
import type { FieldStatus } from "../inspection";
import type { FileStatus } from "../summary/files";
import { HOST_MESSAGES } from "../excel/host-error";

export type { Locale };

/** Every string the task pane shows, in each language. Finding messages come from the rules' catalog. */
export interface Strings {
  title: string;
  subtitle: string;
  phaseLabel: string;
  phase: (phase: Phase) => string;
  readingWorkbook: string;
  inferred: (phase: Phase) => string;
  validate: string;
  validating: string;
  resultsHeading: string;
  checkedAs: (phase: Phase, items: number) => string;
  counts: (errors: number, warnings: number) => string;
  noFindings: string;
  noFindingsDetail: string;
  workbookGroup: string;
  itemHeading: (no: number, title: string | null) => string;
  /** A form (ward) of a workbook that holds several. */
  formHeading: (name: string) => string;
  /** Which profile reads the workbook: the deployment's (shipped) or the built-in one. */
  profileInUse: (name: string, shipped: boolean) => string;
  profileErrorTitle: string;
  /** 読み取り結果: where each field was read from. */
  readingHeading: string;
  readingIntro: (forms: number, items: number) => string;
  fieldLabel: (field: FieldName) => string;
  readStatus: (status: Exclude<FieldStatus, "value" | "ambiguous">) => string;
  /** On an item's heading: how many of its fields need a look (invalid, error, unclear, not found). */
  needsLook: (count: number) => string;
  ambiguousStatus: (reason: "several" | "none", cells: string) => string;
  severity: (severity: Severity) => string;
  selectHint: string;
  summarize: string;
  summarizeHint: string;
  summarizing: string;
  /** `undo`: the sentence that one Ctrl+Z takes it back (sheet-strings' undoOnce), where it does. */
  summarized: (sheet: string, items: number, undo?: string) => string;
  relinkTitle: string;
  relinkSummary: (sheet: string, items: number) => string;
  rebuild: string;
  rollUp: string;
  rollUpHeading: string;
  rollUpHint: string;
  rollUpChoose: string;
  rollUpFiles: string;
  rollUpStart: (files: number) => string;
  rollUpCancel: string;
  rollUpCancelled: string;
  rollUpSkipped: (files: number) => string;
  rollUpProgress: (done: number, total: number) => string;
  rollUpStatus: (status: FileStatus) => string;
  rollUpDone: (sheets: string[], summarised: number, total: number) => string;
  errorTitle: string;
  /** Title over what the add-in could not read or write in full (the adapter's notes). */
  notesTitle: string;
  hostError: (code: string, message: string) => string;
}

const ja: Strings = {
  title: "評価チェック",
  subtitle: "取組項目の評価の記入漏れや誤りを確認します。",
  phaseLabel: "フェーズ",
  phase: (phase) => PHASE_LABELS[phase].ja,
  readingWorkbook: "ブックを読み込んでいます…",
  inferred: (phase) => `自動判定: ${PHASE_LABELS[phase].ja}（記入内容から判定）`,
  validate: "検証",
  validating: "検証しています…",
  resultsHeading: "検証結果",
  checkedAs: (phase, items) => `${PHASE_LABELS[phase].ja}として検証しました（取組項目 ${items} 件）`,
  counts: (errors, warnings) => `エラー ${errors} 件 / 警告 ${warnings} 件`,
  noFindings: "問題は見つかりませんでした",
  noFindingsDetail: "このフェーズで必要な記入はそろっています。",
  workbookGroup: WHOLE_WORKBOOK.ja,
  itemHeading: (no, title) => itemHeading(no, title, "ja"),
  formHeading: (name) => `様式「${name}」`,
  profileInUse: (name, shipped) => `様式プロファイル: ${name}${shipped ? "（profile.json）" : "（既定）"}`,
  profileErrorTitle: "様式プロファイルを使えません。既定のプロファイルで読み取ります（管理者に連絡してください）",
  readingHeading: "読み取り結果",
  readingIntro: (forms, items) =>
    `${forms > 1 ? `様式 ${forms} 件・` : ""}取組項目 ${items} 件の各項目を、どのセルから読み取ったかを示します。選択するとそのセルに移動します。`,
  fieldLabel: (field) => FIELD_LABELS[field].ja,
  readStatus: (status) => ({ blank: "空欄", invalid: "選択肢にない値", error: "エラー値", absent: "見つかりません" })[status],
  needsLook: (count) => `要確認 ${count}`,
  ambiguousStatus: (reason, cells) =>
    reason === "several" ? `${cells} のどれにも評価があり、判断できません` : `値のセルが見つかりません${cells ? `（確認: ${cells}）` : ""}`,
  severity: (severity) => SEVERITY_LABELS[severity].ja,
  selectHint: "選択するとセルに移動します",
  summarize: "集計",
  summarizeHint: "「集計」と「検証結果」のシートをブックに追加します。",
  summarizing: "集計しています…",
  summarized: (sheet, _items, undo) => `「${sheet}」シートを作成しました${undo ? `。${undo}` : ""}`,
  relinkTitle: "集計を作り直してください",
  relinkSummary: (sheet, items) => `「${sheet}」シートの ${items} 件の取組項目で、参照先のセルが取組項目の内容ではなくなっています（様式の行や列が変わったなど）。`,
  rebuild: "集計を作り直す",
  rollUp: "複数のブックを集計…",
  rollUpHeading: "複数のブックを集計",
  rollUpHint: "各区などの .xlsx ファイルを選ぶか、ここにドロップしてください。ファイルはこのパソコンの中で読み込み、どこにも送信しません。結果は、開いているブックの「全体集計」「ファイル別集計」シートに書き込みます。",
  rollUpChoose: "ファイルを選ぶ…",
  rollUpFiles: "選んだファイル",
  rollUpStart: (files) => `${files} ファイルを集計`,
  rollUpCancel: "中止",
  rollUpCancelled: "中止しました。ブックは変更していません。",
  rollUpSkipped: (files) => `.xlsx ではない ${files} ファイルは除きました。`,
  rollUpProgress: (done, total) => `${done} / ${total} ファイル`,
  rollUpStatus: (status) =>
    status.state === "waiting" ? "待機中" : status.state === "reading" ? "読み込み中…" : status.state === "done" ? `取組項目 ${status.items} 件` : `読み込めません: ${status.reason}`,
  rollUpDone: (sheets, summarised, total) =>
    `${sheets.map((s) => `「${s}」`).join("")}シートを作成しました（${total} ファイル中 ${summarised} ファイルを集計）。` +
    (summarised < total ? "読み込めなかったファイルは、上の一覧と「ファイル別集計」に理由があります。" : ""),
  errorTitle: "エラー",
  notesTitle: "ご注意ください",
  hostError: (_code, message) => message,
};

const en: Strings = {
  title: "Evaluation check",
  subtitle: "Checks the initiative items (取組項目) for missing or invalid entries.",
  phaseLabel: "Phase",
  phase: (phase) => PHASE_LABELS[phase].en,
  readingWorkbook: "Reading the workbook…",
  inferred: (phase) => `Detected: ${PHASE_LABELS[phase].en} (from what is filled in)`,
  validate: "Validate",
  validating: "Validating…",
  resultsHeading: "Results",
  checkedAs: (phase, items) => `Checked as ${PHASE_LABELS[phase].en} (${items} ${items === 1 ? "item" : "items"})`,
  counts: (errors, warnings) => `${errors} ${errors === 1 ? "error" : "errors"} / ${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
  noFindings: "No problems found",
  noFindingsDetail: "Everything this phase needs is filled in.",
  workbookGroup: WHOLE_WORKBOOK.en,
  itemHeading: (no, title) => itemHeading(no, title, "en"),
  formHeading: (name) => `Form 「${name}」`,
  profileInUse: (name, shipped) => `Form profile: ${name}${shipped ? " (profile.json)" : " (built-in)"}`,
  profileErrorTitle: "The form profile cannot be used; the built-in profile reads the workbook (tell your administrator)",
  readingHeading: "How the workbook was read",
  readingIntro: (forms, items) =>
    `Where each field of ${forms > 1 ? `${forms} forms, ` : ""}${items} ${items === 1 ? "item" : "items"} was read from. Select one to go to its cell.`,
  fieldLabel: (field) => FIELD_LABELS[field].en,
  readStatus: (status) => ({ blank: "empty", invalid: "not a rating", error: "error value", absent: "not found" })[status],
  needsLook: (count) => `${count} to check`,
  ambiguousStatus: (reason, cells) =>
    reason === "several" ? `${cells} all hold ratings: unclear which` : `no cell for the value${cells ? ` (looked at ${cells})` : ""}`,
  severity: (severity) => SEVERITY_LABELS[severity].en,
  selectHint: "Select to go to the cell",
  summarize: "Summarize",
  summarizeHint: "Adds the sheets 集計 (summary) and 検証結果 (findings) to the workbook.",
  summarizing: "Summarizing…",
  summarized: (sheet, _items, undo) => `Created the sheet 「${sheet}」${undo ? `. ${undo}` : ""}`,
  relinkTitle: "Rebuild the summary",
  relinkSummary: (sheet, items) => `On sheet 「${sheet}」, ${items} ${items === 1 ? "item's cells" : "items' cells"} no longer hold the item (the form's rows or columns changed).`,
  rebuild: "Rebuild the summary",
  rollUp: "Summarize several workbooks…",
  rollUpHeading: "Summarize several workbooks",
  rollUpHint: "Choose the wards' .xlsx files, or drop them here. They are read on this computer and sent nowhere. The results go to the sheets 全体集計 and ファイル別集計 of the open workbook.",
  rollUpChoose: "Choose files…",
  rollUpFiles: "Chosen files",
  rollUpStart: (files) => `Summarize ${files} ${files === 1 ? "file" : "files"}`,
  rollUpCancel: "Cancel",
  rollUpCancelled: "Cancelled. The workbook was not changed.",
  rollUpSkipped: (files) => `Left out ${files} ${files === 1 ? "file that is" : "files that are"} not .xlsx.`,
  rollUpProgress: (done, total) => `${done} / ${total} files`,
  rollUpStatus: (status) =>
    status.state === "waiting" ? "Waiting" : status.state === "reading" ? "Reading…" : status.state === "done" ? `${status.items} items` : `Cannot be read: ${status.reason}`,
  rollUpDone: (sheets, summarised, total) =>
    `Created the sheets ${sheets.map((s) => `「${s}」`).join("")} (${summarised} of ${total} files summarized).` +
    (summarised < total ? " The files that could not be read are listed above and in ファイル別集計, with the reason." : ""),
  errorTitle: "Error",
  notesTitle: "Please note",
  hostError: (code, message) => HOST_MESSAGES[code]?.en ?? `Excel reported an error: ${message}`,
};

export const STRINGS: Record<Locale, Strings> = { ja, en };

/** English when Office's display language is English, Japanese otherwise. */
export function localeFromLanguage(displayLanguage: string | undefined | null): Locale {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("en") ? "en" : "ja";
}

/** The locale of an Office host object (`Office` global or the in-memory host's), Japanese when unknown. */
export function localeOf(office: unknown): Locale {
  const context = (office as { context?: { displayLanguage?: string } } | undefined)?.context;
  try {
    return localeFromLanguage(context?.displayLanguage);
  } catch {
    return "ja";
  }
}
