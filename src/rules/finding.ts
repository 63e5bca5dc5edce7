import type { FieldName, Finding, FindingCode, FindingParams, Item } from "../model";
import { CATALOG, FIELD_LABELS, formatMessage } from "./catalog";

/** A finding about one item's field, placed at the cell the field was read from (else the item's heading). */
export function itemFinding(code: FindingCode, item: Item, field: FieldName | null, extra: FindingParams = {}): Finding {
  const at = (field && item.sources[field]) || item;
  const params: FindingParams = { no: item.no, ...(field ? labelParams(field) : {}), ...extra };
  return {
    code,
    severity: CATALOG[code].severity,
    item: item.no,
    field,
    sheet: at.sheet,
    cell: at.cell,
    message: formatMessage(code, params),
    params,
  };
}

/** A finding about the workbook as a whole. */
export function workbookFinding(code: FindingCode, params: FindingParams = {}, at?: { sheet: string; cell: string }): Finding {
  return {
    code,
    severity: CATALOG[code].severity,
    item: null,
    field: null,
    sheet: at?.sheet ?? null,
    cell: at?.cell ?? null,
    message: formatMessage(code, params),
    params,
  };
}

function labelParams(field: FieldName): FindingParams {
  return { label: FIELD_LABELS[field].ja, labelEn: FIELD_LABELS[field].en };
}

/** An invalid or error cell is reported by its own rule; calling it "missing" as well would only repeat it. */
export function isUnreadable(item: Item, field: FieldName): boolean {
  const source = item.sources[field];
  return Boolean(source?.invalid || source?.error);
}
