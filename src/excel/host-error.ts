/** A failure of the Excel host, said in words a ward staff member can act on. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

/**
 * What to tell the user for each Office.js error code, in Japanese and English. None of them says the workbook
 * is unchanged: Excel does not undo a failed batch, so only a read-back can tell (see summarize.ts).
 */
export const HOST_MESSAGES: Record<string, { ja: string; en: string }> = {
  InvalidOperationInCellEditMode: {
    ja: "Excel でセルを編集中のため実行できません。セルの編集を確定（Enter キー）してから、もう一度お試しください。",
    en: "Excel is editing a cell. Finish the edit (press Enter) and try again.",
  },
  AccessDenied: {
    ja: "シートまたはブックが保護されているため書き込めません。保護を解除してから、もう一度お試しください。",
    en: "The sheet or workbook is protected, so it could not be written. Unprotect it and try again.",
  },
  ApiNotFound: {
    ja: "この Excel では必要な機能が使えません。最新の Microsoft 365 版 Excel または Excel on the web でお試しください。",
    en: "This version of Excel lacks a feature the add-in needs. Use Microsoft 365 Excel or Excel on the web.",
  },
  ItemNotFound: {
    ja: "対象のシートまたはセルが見つかりません。シート名が変わっていないか確認し、もう一度検証してください。",
    en: "The sheet or cell was not found. Check that the sheet was not renamed, then validate again.",
  },
  RequestPayloadSizeLimitExceeded: {
    ja: "Excel に一度に送れるデータの上限（5 MB）を超えました。",
    en: "The data to send to Excel exceeds its limit of 5 MB per request.",
  },
  UndoNotSupported: {
    ja: "Excel がこの操作を 1 回の「元に戻す」にまとめられなかったため、途中で止まりました。ブックの内容をご確認ください。",
    en: "Excel could not make this action one undo step, so it stopped part-way. Please check the workbook.",
  },
  ResponsePayloadSizeLimitExceeded: {
    ja: "Excel から一度に受け取れるデータの上限（5 MB）を超えました。",
    en: "The data to read from Excel exceeds its limit of 5 MB per response.",
  },
};

/** Office.js errors (`{ code, message }`) → HostError with a Japanese message; HostErrors pass through. */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  return new HostError(HOST_MESSAGES[code]?.ja ?? `Excel とのやり取りでエラーが発生しました（${code}: ${detail}）。`, code);
}

/** The Office.js error code of a failure ("Unknown" for anything else). */
export function errorCode(error: unknown): string {
  return typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "Unknown";
}

export function unsupported(apiSet: string): HostError {
  return new HostError(
    `この Excel は ${apiSet} に対応していません。Microsoft 365 版 Excel、Excel 2019 以降、または Excel on the web でお使いください。`,
    "ApiNotFound",
  );
}

/** Something the add-in could not do in full, said in one line; the work itself went on. */
export interface Note {
  ja: string;
  en: string;
}

const list = (values: string[]) => (values.length > 5 ? `${values.slice(0, 5).join(", ")} ほか ${values.length - 5} か所` : values.join(", "));
const listEn = (values: string[]) => (values.length > 5 ? `${values.slice(0, 5).join(", ")} and ${values.length - 5} more` : values.join(", "));

export const NOTES = {
  mergesUnsupported: (): Note => ({
    ja: "この Excel（ExcelApi 1.13 より前）は結合セルの範囲を返さないため、結合セルを考慮せずに読み取りました。",
    en: "This Excel (before ExcelApi 1.13) does not report merged cells, so the workbook was read without them.",
  }),
  mergesUnread: (sheets: string[]): Note => ({
    ja: `シート「${sheets.join("」「")}」の結合セルの範囲を Excel から読み取れなかったため、結合セルを考慮せずに読み取りました。`,
    en: `Merged cells of sheet ${sheets.map((s) => `"${s}"`).join(", ")} could not be read from Excel; the sheet was read without them.`,
  }),
  farValues: (sheet: string, addresses: string[]): Note => ({
    ja: `シート「${sheet}」の ${list(addresses)} にある値は、表から離れすぎているため読み取っていません。`,
    en: `Values at ${listEn(addresses)} on sheet "${sheet}" lie far from the rest and were not read.`,
  }),
  sheetTooLarge: (sheet: string, address: string, cells: number): Note => ({
    ja: `シート「${sheet}」はデータの範囲（${address}、${cells.toLocaleString("ja-JP")} セル）が大きすぎるため、読み取っていません。`,
    en: `Sheet "${sheet}" holds too much data (${address}, ${cells.toLocaleString("en-US")} cells) and was not read.`,
  }),
  rowsUnread: (sheet: string, addresses: string[]): Note => ({
    ja: `シート「${sheet}」の ${list(addresses)} は Excel から読み取れなかったため、検証に含めていません。`,
    en: `${listEn(addresses)} on sheet "${sheet}" could not be read from Excel and were left out.`,
  }),
  linksUnsupported: (): Note => ({
    ja: "この Excel（ExcelApi 1.7 より前）はセルにリンクを設定できないため、各取組項目へのリンクは付けていません。",
    en: "This Excel (before ExcelApi 1.7) cannot set links in cells, so the links to each item were left out.",
  }),
  textsChanged: (cells: string[]): Note => ({
    ja: `Excel が ${list(cells)} の文字列を別の値に変えたため、元の文字列と異なります。`,
    en: `Excel changed the text written to ${listEn(cells)}; it differs from the source.`,
  }),
};
