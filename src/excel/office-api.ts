/**
 * What the add-in may ask of Excel: the Office.js objects it is handed, the requirement set of every member it
 * (or the in-memory host) uses, and Excel's documented size limits. One table, read by the adapter to decide
 * what to call and by the in-memory host to refuse what a real Excel of that version would refuse.
 */

/** The parts of Office.js the port uses, so tests and the preview can hand in the in-memory host. */
export interface OfficeApi {
  Excel: {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  Office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
}

/** The global Office.js objects, when running inside Office. */
export function globalOfficeApi(): OfficeApi {
  return { Excel: globalThis.Excel as OfficeApi["Excel"], Office: globalThis.Office };
}

/**
 * The ExcelApi requirement set of each member, as Microsoft's reference states it ("[API set: ExcelApi 1.x]" in
 * office-js-docs-reference, docs/docs-ref-autogen/excel/excel/excel.<class>.yml). A parameter added later than its
 * method has its own entry, written `method(parameter)`. Add a member here before using it anywhere: the in-memory
 * host refuses members that are not listed.
 */
export const EXCEL_API = {
  "Workbook.name": "1.7",
  "Workbook.protection": "1.7",
  "Workbook.worksheets": "1.1",
  "WorkbookProtection.protected": "1.7",

  "WorksheetCollection.items": "1.1",
  "WorksheetCollection.add": "1.1",
  "WorksheetCollection.getActiveWorksheet": "1.1",
  "WorksheetCollection.getCount": "1.4",
  "WorksheetCollection.getFirst": "1.5",
  "WorksheetCollection.getItem": "1.1",
  "WorksheetCollection.getItemOrNullObject": "1.4",

  "Worksheet.id": "1.1",
  "Worksheet.name": "1.1",
  "Worksheet.position": "1.1",
  "Worksheet.visibility": "1.1",
  "Worksheet.protection": "1.2",
  "Worksheet.tables": "1.1",
  "Worksheet.charts": "1.1",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.activate": "1.1",
  "Worksheet.delete": "1.1",
  "Worksheet.getCell": "1.1",
  "Worksheet.getNextOrNullObject": "1.5",
  "Worksheet.getRange": "1.1",
  "Worksheet.getUsedRange": "1.1",
  // "valuesOnly: Optional. If true, considers only cells with values as used cells (ignoring formatting). [Api set: ExcelApi 1.2]"
  "Worksheet.getUsedRange(valuesOnly)": "1.2",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "WorksheetProtection.protected": "1.2",
  "WorksheetFreezePanes.freezeRows": "1.7",
  "WorksheetFreezePanes.unfreeze": "1.7",

  "Range.address": "1.1",
  "Range.cellCount": "1.1",
  "Range.columnCount": "1.1",
  "Range.columnIndex": "1.1",
  "Range.format": "1.1",
  "Range.formulas": "1.1",
  "Range.hyperlink": "1.7",
  "Range.numberFormat": "1.1",
  "Range.rowCount": "1.1",
  "Range.rowIndex": "1.1",
  "Range.text": "1.1",
  "Range.values": "1.1",
  "Range.valueTypes": "1.1",
  "Range.clear": "1.1",
  "Range.getCell": "1.1",
  "Range.getMergedAreasOrNullObject": "1.13",
  "Range.getOffsetRange": "1.1",
  "Range.getResizedRange": "1.2",
  "Range.getSpecialCellsOrNullObject": "1.9",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Range.insert": "1.1",
  "Range.merge": "1.2",
  "Range.select": "1.1",
  "RangeAreas.address": "1.9",
  "RangeAreas.areaCount": "1.9",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.fill": "1.1",
  "RangeFormat.font": "1.1",
  "RangeFormat.wrapText": "1.1",
  "RangeFill.color": "1.1",
  "RangeFont.bold": "1.1",
  "RangeFont.color": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFont.size": "1.1",

  "TableCollection.add": "1.1",
  "TableCollection.items": "1.1",
  "TableCollection.getItem": "1.1",
  "Table.delete": "1.1",
  "Table.name": "1.1",
  "Table.style": "1.1",
  "Table.showBandedRows": "1.3",
  "Table.showFilterButton": "1.3",

  "ChartCollection.add": "1.1",
  "ChartCollection.items": "1.1",
  "ChartCollection.getItem": "1.1",
  "Chart.delete": "1.1",
  "Chart.name": "1.1",
  "Chart.title": "1.1",
  "Chart.setPosition": "1.1",
  "ChartTitle.text": "1.1",

  // "[API set: ExcelApi 1.9]" for PageLayout and every member of it, HeaderFooterGroup and HeaderFooter.
  "PageLayout.orientation": "1.9",
  "PageLayout.paperSize": "1.9",
  "PageLayout.zoom": "1.9",
  "PageLayout.headersFooters": "1.9",
  "PageLayout.setPrintArea": "1.9",
  "PageLayout.setPrintTitleRows": "1.9",
  "HeaderFooterGroup.defaultForAllPages": "1.9",
  "HeaderFooter.leftFooter": "1.9",
  "HeaderFooter.centerFooter": "1.9",
  "HeaderFooter.rightFooter": "1.9",

  // Issue #13: data validation, conditional formats, settings, change events and undo grouping.
  "Range.dataValidation": "1.8",
  "DataValidation.type": "1.8",
  "DataValidation.rule": "1.8",
  "DataValidation.prompt": "1.8",
  "DataValidation.errorAlert": "1.8",
  "DataValidation.ignoreBlanks": "1.8",
  "DataValidation.valid": "1.8",
  "DataValidation.clear": "1.8",
  "Range.conditionalFormats": "1.6",
  // The reference gives `items` of a collection no set of its own: the collection's (1.6).
  "ConditionalFormatCollection.items": "1.6",
  "ConditionalFormatCollection.add": "1.6",
  "ConditionalFormatCollection.getCount": "1.6",
  "ConditionalFormatCollection.getItemAt": "1.6",
  "ConditionalFormat.id": "1.6",
  "ConditionalFormat.type": "1.6",
  "ConditionalFormat.priority": "1.6",
  "ConditionalFormat.stopIfTrue": "1.6",
  "ConditionalFormat.custom": "1.6",
  "ConditionalFormat.delete": "1.6",
  "CustomConditionalFormat.rule": "1.6",
  "CustomConditionalFormat.format": "1.6",
  "ConditionalFormatRule.formula": "1.6",
  "ConditionalRangeFormat.fill": "1.6",
  "ConditionalRangeFormat.font": "1.6",
  "ConditionalRangeFormat.borders": "1.6",
  "ConditionalRangeFill.color": "1.6",
  "ConditionalRangeFont.color": "1.6",
  "ConditionalRangeFont.bold": "1.6",
  "ConditionalRangeBorderCollection.getItem": "1.6",
  "ConditionalRangeBorder.style": "1.6",
  "ConditionalRangeBorder.color": "1.6",
  "Workbook.settings": "1.4",
  "SettingCollection.items": "1.4",
  "SettingCollection.add": "1.4",
  "SettingCollection.getCount": "1.4",
  "SettingCollection.getItem": "1.4",
  "SettingCollection.getItemOrNullObject": "1.4",
  "Setting.key": "1.4",
  "Setting.value": "1.4",
  "Setting.delete": "1.4",
  "Worksheet.onChanged": "1.7",
  // "Occurs when any worksheet in the workbook is changed." [API set: ExcelApi 1.9]
  "WorksheetCollection.onChanged": "1.9",
  // WorksheetChangedEventArgs.details: "… can be retrieved when the changed event is triggered on a single cell." 1.9
  "WorksheetChangedEventArgs.details": "1.9",
  // WorksheetChangedEventArgs.triggerSource: "identifies whether this local add-in triggers the event." 1.14
  "WorksheetChangedEventArgs.triggerSource": "1.14",
  // Excel.RunOptions.mergeUndoGroup: "When true, all context.sync() calls in a single Excel.run are merged into one
  // undo group." [API set: ExcelApi 1.20] (the 1.19 reference lists no such option; TOOLCHAIN.md's 1.19 is wrong).
  "RunOptions.mergeUndoGroup": "1.20",
} as const;

export type ExcelMember = keyof typeof EXCEL_API;

/** The oldest ExcelApi the manifest admits: every member above it is checked at run time (see README). */
export const MIN_EXCEL_API = "1.4";

/** Whether `have` is `want` or later ("1.13" ≥ "1.9"). */
export function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = [have, want].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Whether the host offers every listed member. */
export function supports(api: OfficeApi, ...members: ExcelMember[]): boolean {
  return members.every((member) => api.Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API[member]));
}

/**
 * Excel's documented limits ("Resource limits and performance optimization for Office Add-ins", "Excel add-ins"):
 * "Excel on the web has a payload size limit for requests and responses of 5MB", and "A range is limited to
 * 5,000,000 cells for read operations". Range.getMergedAreasOrNullObject: "if the merged areas count in this range
 * is more than 512, then this method will fail to return the result."
 */
export const LIMITS = {
  /** Bytes, per request and per response; 5 MB read as 5,000,000 to err on the small side. */
  payloadBytes: 5_000_000,
  readCells: 5_000_000,
  mergedAreas: 512,
} as const;

/**
 * The payload estimate both sides use: what each queued action and each loaded object costs beyond its data
 * (Office.js sends every action and object path as a small JSON object), and the data as UTF-8 JSON.
 */
export const PAYLOAD = {
  /** Bytes per queued action (a method call, a property set, a load), besides its arguments. */
  actionBytes: 100,
  /** Bytes per object in a response, besides its loaded values. */
  objectBytes: 30,
} as const;

/**
 * The UTF-8 size of a value as JSON, counted without writing the JSON: a response of many long texts would pass
 * the longest string a JavaScript engine can hold (Apache POI's poc-shared-strings.xlsx, a 1 MB text in every cell).
 */
export function jsonBytes(value: unknown): number {
  return valueBytes(value, false) ?? 0;
}

/** Bytes of a value; undefined where JSON leaves it out (in an array it is `null`). */
function valueBytes(value: unknown, inArray: boolean): number | undefined {
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    case "object": {
      if (value === null) return 4;
      const json = (value as { toJSON?: () => unknown }).toJSON;
      if (typeof json === "function") return valueBytes(json.call(value), inArray);
      if (Array.isArray(value)) {
        let bytes = 2 + Math.max(0, value.length - 1);
        for (const item of value) bytes += valueBytes(item, true) ?? 4;
        return bytes;
      }
      let bytes = 2;
      let members = 0;
      for (const [key, item] of Object.entries(value)) {
        const size = valueBytes(item, false);
        if (size === undefined) continue;
        bytes += stringBytes(key) + 1 + size;
        members++;
      }
      return bytes + Math.max(0, members - 1);
    }
    default:
      return inArray ? 4 : undefined;
  }
}

/** A string's JSON as UTF-8: quotes, escapes (\" \\ \n, \u00XX, a lone surrogate as \uDXXX), 1–4 bytes a character. */
function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x80) bytes += code === 0x22 || code === 0x5c ? 2 : 1;
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) < 0xe000) {
      bytes += 4;
      i++;
    } else if (code >= 0xd800 && code < 0xe000) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}
