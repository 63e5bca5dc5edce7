import { countBlocking, Finding, groupFindings, itemHeading, PHASE_LABELS, SEVERITY_LABELS, WHOLE_WORKBOOK } from "../model";
import type { CheckReport } from "../check";
import { printable } from "./io";

/**
 * A readable Japanese report of one workbook, findings grouped by item, and by form when the workbook holds several.
 * Text from the file is made printable.
 */
export function textReport(file: string, report: CheckReport): string {
  const { blocking, warnings } = countBlocking(report.findings);
  const phase = `${PHASE_LABELS[report.phase].ja}${report.phaseSource === "inferred" ? "（記入内容から判定）" : ""}`;
  const lines = [
    `■ ${printable(file)}`,
    `  フェーズ: ${phase}　取組項目: ${report.items.length} 件　エラー: ${blocking} 件　警告: ${warnings} 件`,
  ];
  if (report.findings.length === 0) {
    lines.push("  問題は見つかりませんでした。");
    return lines.join("\n");
  }
  const groups = groupFindings(report.findings, report.items);
  const groupLines = (indent: string, form: string | null) =>
    groups
      .filter((group) => report.forms.length <= 1 || group.form === form)
      .flatMap((group) => [
        `${indent}  ${group.item === null ? WHOLE_WORKBOOK.ja : itemHeading(group.item, group.title === null ? null : printable(group.title), "ja")}`,
        ...group.entries.flatMap(({ finding }) => [
          `${indent}    [${SEVERITY_LABELS[finding.severity].ja}] ${where(finding)}${finding.code}`,
          `${indent}      ${printable(finding.message)}`,
        ]),
      ]);
  if (report.forms.length <= 1) {
    lines.push(...groupLines("", null));
  } else {
    for (const form of report.forms) {
      const counts = countBlocking(report.findings.filter((f) => f.form === form.name));
      lines.push(`  様式「${printable(form.name)}」　取組項目: ${form.itemCount} 件　エラー: ${counts.blocking} 件　警告: ${counts.warnings} 件`);
      const found = groupLines("  ", form.name);
      lines.push(...(found.length ? found : ["    問題は見つかりませんでした。"]));
    }
  }
  return lines.join("\n");
}

function where(finding: Finding): string {
  return finding.sheet && finding.cell ? `${printable(finding.sheet)}!${finding.cell}  ` : "";
}
