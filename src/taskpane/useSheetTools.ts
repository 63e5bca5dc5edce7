import * as React from "react";
import type { CheckReport } from "../check";
import { staleness } from "../entry/stamp";
import { Feature, lacking, undoableAtOnce } from "../excel/capabilities";
import { clearHighlight, highlightFindings } from "../excel/highlight";
import type { Note } from "../excel/host-error";
import { setInputRules } from "../excel/input-rules";
import { LiveCheck } from "../excel/live-check";
import type { OfficeApi } from "../excel/office-api";
import { isBlocking, Locale } from "../model";
import { findingKey } from "./FindingList";
import { SHEET_STRINGS } from "./sheet-strings";
import type { Checker } from "./useChecker";

export interface SheetTools {
  setRules: () => Promise<void>;
  highlight: () => Promise<void>;
  clear: () => Promise<void>;
  /** Live re-check: listening, or this Excel cannot (null until known). */
  live: "on" | "unavailable" | null;
  /** The last re-check, said once to screen readers. */
  announcement: string;
  /** The last re-check failed (a sheet renamed or deleted since 検証): the result shown may be out of date. */
  liveFailed: boolean;
  /** The findings changed since the cells were coloured. */
  highlightOutdated: boolean;
  /** What 集計 was made for differs from the result shown. */
  stale: { phase: boolean; findings: boolean } | null;
  /** One Ctrl+Z takes an action back (ExcelApi 1.20). */
  undoable: boolean;
  /** What this Excel lacks, for the features that need more than it has. */
  missing: { ja: string; en: string }[];
}

/** Notes in both languages from a string function of each. */
function both(make: (s: (typeof SHEET_STRINGS)["ja"]) => string): Note {
  return { ja: make(SHEET_STRINGS.ja), en: make(SHEET_STRINGS.en) };
}

/** The sheet tools of the task pane (入力規則を設定, 強調表示 / 解除), live re-check and stale summaries (#13). */
export function useSheetTools(api: OfficeApi, checker: Checker, locale: Locale): SheetTools {
  const s = SHEET_STRINGS[locale];
  const undoable = undoableAtOnce(api);
  const [live, setLive] = React.useState<SheetTools["live"]>(null);
  const [announcement, setAnnouncement] = React.useState("");
  const [liveFailed, setLiveFailed] = React.useState(false);
  const [highlightOutdated, setHighlightOutdated] = React.useState(false);
  const latest = React.useRef(checker);
  latest.current = checker;
  const liveCheck = React.useRef<LiveCheck | null>(null);

  React.useEffect(() => {
    const check = new LiveCheck(api, {
      profile: checker.profile,
      onResult: ({ grid, report }) => {
        setLiveFailed(false);
        const before = latest.current.report;
        latest.current.replaceReport(grid, report);
        const was = new Set((before?.findings ?? []).map(findingKey));
        const now = new Set(report.findings.map(findingKey));
        const fixed = [...was].filter((k) => !now.has(k)).length;
        const added = [...now].filter((k) => !was.has(k)).length;
        const errors = report.findings.filter(isBlocking).length;
        setAnnouncement(SHEET_STRINGS[locale].rechecked(errors, report.findings.length - errors, fixed, added));
        if ((fixed || added) && latest.current.kept.highlight) setHighlightOutdated(true);
      },
      // A sheet renamed or deleted since the last 検証: said politely; the next 検証 starts afresh.
      onError: () => {
        setLiveFailed(true);
        setAnnouncement(SHEET_STRINGS[locale].liveFailed);
      },
    });
    liveCheck.current = check;
    check
      .start()
      .then((ok) => setLive(ok ? "on" : "unavailable"))
      .catch(() => setLive("unavailable"));
    return () => {
      liveCheck.current = null;
      void check.stop();
    };
  }, [api, locale, checker.profile]);

  React.useEffect(() => {
    if (checker.grid && checker.report) liveCheck.current?.setBase(checker.grid, checker.report);
  }, [checker.grid, checker.report]);
  React.useEffect(() => setLiveFailed(false), [checker.grid]);

  /** Says what this Excel lacks instead of running; true when it has what the feature needs. */
  const able = (feature: Feature): boolean => {
    const missing = lacking(api, feature);
    if (missing) checker.notify({ intent: "error", text: missing[locale] });
    return !missing;
  };
  const undoNote = undoable ? ` ${s.undoOnce}` : "";

  const setRules = async () => {
    if (!able("inputRules")) return;
    await checker.act("rules", async () => {
      const result = await setInputRules(api, { profile: checker.profile });
      return {
        text: s.rulesSet(result.set, result.already) + (result.set ? undoNote : ""),
        notes: [
          ...result.notes,
          ...(result.ownRules.length ? [both((x) => x.ownRules(result.ownRules))] : []),
          ...(result.protectedSheets.length ? [both((x) => x.protectedSheets(result.protectedSheets))] : []),
        ],
      };
    });
  };

  const highlight = async () => {
    const report = checker.report;
    if (!report || !able("highlight")) return;
    await checker.act("highlight", async () => {
      const result = await highlightFindings(api, report);
      checker.setHighlight(result.record);
      setHighlightOutdated(false);
      return {
        text: s.highlighted(result.errors, result.warnings) + (result.errors + result.warnings ? undoNote : ""),
        notes: [...result.notes, ...(result.protectedSheets.length ? [both((x) => x.protectedSheets(result.protectedSheets))] : [])],
      };
    });
  };

  const clear = async () => {
    if (!able("highlight")) return;
    await checker.act("clear", async () => {
      const result = await clearHighlight(api);
      checker.setHighlight(null);
      setHighlightOutdated(false);
      return {
        text: s.cleared(result.removed) + (result.removed ? undoNote : ""),
        notes: result.protectedSheets.length ? [both((x) => x.protectedSheets(result.protectedSheets))] : [],
      };
    });
  };

  const stale = checker.kept.summary && checker.report ? staleness(checker.kept.summary, checker.report as CheckReport) : null;
  const missing = (["inputRules", "highlight"] as const).map((f) => lacking(api, f)).filter((m): m is { ja: string; en: string } => m !== null);

  return { setRules, highlight, clear, live, announcement, liveFailed, highlightOutdated, stale, undoable, missing };
}
