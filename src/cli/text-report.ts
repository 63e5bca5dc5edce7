import { countBlocking, Finding, itemHeading, PHASE_LABELS, SEVERITY_LABELS, WHOLE_WORKBOOK } from "../model";
import type { CheckReport } from "../check";

/** A readable Japanese report of one workbook, findings grouped by item. */
export function textReport(file: string, report: CheckReport): string {
  const { blocking, warnings } = countBlocking(report.findings);
  const phase = `${PHASE_LABELS[report.phase].ja}${report.phaseSource === "inferred" ? "（記入内容から判定）" : ""}`;
  const lines = [
    `■ ${file}`,
    `  フェーズ: ${phase}　取組項目: ${report.items.length} 件　エラー: ${blocking} 件　警告: ${warnings} 件`,
  ];
  if (report.findings.length === 0) {
    lines.push("  問題は見つかりませんでした。");
    return lines.join("\n");
  }
  const titles = new Map(report.items.map((item) => [item.no, item.title]));
  let group: number | null | undefined;
  for (const finding of report.findings) {
    if (finding.item !== group) {
      group = finding.item;
      lines.push(`  ${group === null ? WHOLE_WORKBOOK.ja : itemHeading(group, titles.get(group) ?? null, "ja")}`);
    }
    lines.push(`    [${SEVERITY_LABELS[finding.severity].ja}] ${where(finding)}${finding.code}`, `      ${finding.message}`);
  }
  return lines.join("\n");
}

function where(finding: Finding): string {
  return finding.sheet && finding.cell ? `${finding.sheet}!${finding.cell}  ` : "";
}
