/**
 * What 集計 was made for: the phase, the time and a digest of the findings, kept inside the workbook
 * (Workbook.settings) when 集計 writes its sheets, so that the pane can tell — also after the workbook was saved
 * and reopened — when the result it shows now differs from the one 集計 and 検証結果 were made from. Pure.
 */
import { z } from "zod";
import { Phase } from "../model";
import type { Finding } from "../model";

export const SUMMARY_SETTING = "hyoka.summary";

export const SummaryStamp = z.object({
  at: z.string(),
  phase: Phase,
  digest: z.string(),
  items: z.number().int(),
  findings: z.number().int(),
});
export type SummaryStamp = z.infer<typeof SummaryStamp>;

interface Result {
  phase: Phase;
  items: readonly unknown[];
  findings: readonly Finding[];
}

/** FNV-1a (32 bits) of what identifies each finding, in a fixed order: equal for equal findings, whatever the locale. */
export function digestOf(findings: readonly Finding[]): string {
  const lines = findings.map((f) => [f.code, f.severity, f.item ?? "", f.field ?? "", f.sheet ?? "", f.cell ?? "", JSON.stringify(f.params)].join("\u0001")).sort();
  let hash = 0x811c9dc5;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      hash ^= line.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0x0a, 0x01000193) >>> 0;
  }
  return `${findings.length}:${hash.toString(16).padStart(8, "0")}`;
}

export function stampOf(result: Result, at: Date): SummaryStamp {
  return { at: at.toISOString(), phase: result.phase, digest: digestOf(result.findings), items: result.items.length, findings: result.findings.length };
}

/** How the pane's current result differs from what 集計 was made for; null when it does not. */
export function staleness(stamp: SummaryStamp, current: Result): { phase: boolean; findings: boolean } | null {
  const phase = stamp.phase !== current.phase;
  const findings = stamp.digest !== digestOf(current.findings);
  return phase || findings ? { phase, findings } : null;
}

/** A setting's value as a stamp, or null when it is not one (absent, or changed by hand). */
export function parseStamp(value: unknown): SummaryStamp | null {
  const parsed = SummaryStamp.safeParse(value);
  return parsed.success ? parsed.data : null;
}
