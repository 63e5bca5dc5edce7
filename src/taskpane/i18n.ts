import { itemHeading, Locale, PHASE_LABELS, Phase, Severity, SEVERITY_LABELS, WHOLE_WORKBOOK } from "../model";
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
  severity: (severity: Severity) => string;
  selectHint: string;
  summarize: string;
  summarizeHint: string;
  summarizing: string;
  summarized: (sheet: string, items: number) => string;
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
  severity: (severity) => SEVERITY_LABELS[severity].ja,
  selectHint: "選択するとセルに移動します",
  summarize: "集計",
  summarizeHint: "「集計」と「検証結果」のシートをブックに追加します。",
  summarizing: "集計しています…",
  summarized: (sheet) => `「${sheet}」シートを作成しました`,
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
  severity: (severity) => SEVERITY_LABELS[severity].en,
  selectHint: "Select to go to the cell",
  summarize: "Summarize",
  summarizeHint: "Adds the sheets 集計 (summary) and 検証結果 (findings) to the workbook.",
  summarizing: "Summarizing…",
  summarized: (sheet) => `Created the sheet 「${sheet}」`,
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
