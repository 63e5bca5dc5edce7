import { reference } from "../summary/formulas";
import type { ChartWrite, SheetWrites } from "../summary/sheet-writes";
import { escapeText } from "./xml";

/** DrawingML namespaces of a chart and the drawing that places it. */
const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** 'Sheet'!$C$5:$F$5, as the summary's formulas write references. */
function ref(sheet: string, top: number, left: number, bottom: number, right: number): string {
  return reference(sheet, { top, left, bottom, right });
}

/**
 * A chart part: 100% stacked horizontal bars, one series per row (or column) of the data range, names and
 * categories from its first column and row, each reference with the values cached (what a viewer shows without
 * recalculating). The first category stands on top, as in the sheet.
 */
export function chartXml(sheet: SheetWrites, chart: ChartWrite): string {
  const cells = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c.value]));
  const value = (row: number, col: number) => cells.get(`${row},${col}`) ?? null;
  const { top, left, bottom, right } = chart.data;
  const byRows = chart.seriesBy === "rows";
  const seriesIndexes = byRows ? range(top + 1, bottom) : range(left + 1, right);
  const categoryIndexes = byRows ? range(left + 1, right) : range(top + 1, bottom);
  const categoriesRef = byRows ? ref(sheet.name, top, left + 1, top, right) : ref(sheet.name, top + 1, left, bottom, left);
  const categories = categoryIndexes.map((i) => String((byRows ? value(top, i) : value(i, left)) ?? ""));
  const strCache = (texts: string[]) =>
    `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeText(t)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const series = seriesIndexes.map((s, i) => {
    const name = String((byRows ? value(s, left) : value(top, s)) ?? "");
    const nameRef = byRows ? ref(sheet.name, s, left, s, left) : ref(sheet.name, top, s, top, s);
    const valuesRef = byRows ? ref(sheet.name, s, left + 1, s, right) : ref(sheet.name, top + 1, s, bottom, s);
    const values = categoryIndexes.map((c) => (byRows ? value(s, c) : value(c, s)));
    const points = values.map((v, j) => (typeof v === "number" ? `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>` : "")).join("");
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeText(nameRef)}</c:f>${strCache([name])}</c:strRef></c:tx>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeText(categoriesRef)}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(valuesRef)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef></c:val>` +
      `</c:ser>`
    );
  });
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const axes =
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="percentStacked"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A drawing part that places each chart over its anchor cells (chartIds: the drawing's relationship to each chart). */
export function drawingXml(charts: ChartWrite[], chartIds: string[]): string {
  const anchors = charts.map((chart, i) => {
    const { top, left, bottom, right } = chart.anchor;
    const at = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${at("from", left, top)}${at("to", right + 1, bottom + 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeText(`Chart ${i + 1}`)}" descr="${escapeText(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartIds[i]}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
