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

/** What to tell the user for each Office.js error code, in Japanese and English. */
export const HOST_MESSAGES: Record<string, { ja: string; en: string }> = {
  InvalidOperationInCellEditMode: {
    ja: "Excel でセルを編集中のため実行できません。セルの編集を確定（Enter キー）してから、もう一度お試しください。",
    en: "Excel is editing a cell. Finish the edit (press Enter) and try again.",
  },
  AccessDenied: {
    ja: "シートまたはブックが保護されているため書き込めません。保護を解除してから、もう一度お試しください。ブックは変更していません。",
    en: "The sheet or workbook is protected, so nothing could be written. Unprotect it and try again. The workbook was not changed.",
  },
  ApiNotFound: {
    ja: "この Excel では必要な機能が使えません。最新の Microsoft 365 版 Excel または Excel on the web でお試しください。",
    en: "This version of Excel lacks a feature the add-in needs. Use Microsoft 365 Excel or Excel on the web.",
  },
  ItemNotFound: {
    ja: "対象のシートまたはセルが見つかりません。シート名が変わっていないか確認し、もう一度検証してください。",
    en: "The sheet or cell was not found. Check that the sheet was not renamed, then validate again.",
  },
};

/** Office.js errors (`{ code, message }`) → HostError with a Japanese message; HostErrors pass through. */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "Unknown";
  const detail = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  return new HostError(HOST_MESSAGES[code]?.ja ?? `Excel とのやり取りでエラーが発生しました（${code}: ${detail}）。`, code);
}

export function unsupported(apiSet: string): HostError {
  return new HostError(
    `この Excel は ${apiSet} に対応していません。Microsoft 365 版 Excel、Excel 2021 以降、または Excel on the web でお使いください。`,
    "ApiNotFound",
  );
}
