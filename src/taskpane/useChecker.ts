import * as React from "react";
import { checkWorkbook, CheckReport } from "../check";
import { undoableAtOnce } from "../excel/capabilities";
import { Note, toHostError } from "../excel/host-error";
import type { OfficeApi } from "../excel/office-api";
import type { HighlightRecord } from "../entry/marks";
import type { SummaryStamp } from "../entry/stamp";
import { readWorkbookState } from "../excel/read-state";
import { selectCell } from "../excel/select-cell";
import { summarizeOpenWorkbook } from "../excel/summarize";
import { staleSummaries } from "../summary/layout";
import type { Finding, Phase } from "../model";
import type { WorkbookGrid } from "../template/grid";
import { findingKey } from "./FindingList";
import type { Strings } from "./i18n";
import { defaultProfile, TemplateProfile } from "../template/profile";

export type Busy = "validate" | "summarize" | "rules" | "highlight" | "clear" | null;
export type Notice = { intent: "success" | "error"; text: string } | null;

export interface Checker {
  phase: Phase;
  /** The staff member's choice: from then on the inferred phase no longer replaces it. */
  choosePhase: (phase: Phase) => void;
  /** The phase the workbook's ratings point to, once it has been read. */
  inferred: Phase | null;
  /** The first read, for the inferred phase, is under way. */
  reading: boolean;
  busy: Busy;
  report: CheckReport | null;
  notice: Notice;
  /** What the last validate or 集計 could not read or write in full (the adapter's notes). */
  notes: Note[];
  /** The key (findingKey) of the finding whose cell was last selected. */
  current: string | null;
  /** Our 集計 sheets whose links no longer find their items (the form was restructured): offered for rebuilding. */
  relinks: { sheet: string; items: number }[];
  validate: () => Promise<void>;
  summarize: () => Promise<void>;
  goTo: (finding: Finding) => Promise<void>;
  /** The profile workbooks are read with (the deployment's, else the built-in one). */
  profile: TemplateProfile;
  /** Selects a cell of the workbook (a field's, from 読み取り結果). */
  goToCell: (sheet: string, cell: string) => Promise<void>;
  /** The grid the report was made from (for live re-check). */
  grid: WorkbookGrid | null;
  /** A re-check's result replaces the shown one in place. */
  replaceReport: (grid: WorkbookGrid, report: CheckReport) => void;
  /** What the add-in keeps in the workbook, as last read or written: what 集計 was made for, what is highlighted. */
  kept: { summary: SummaryStamp | null; highlight: HighlightRecord | null };
  setHighlight: (record: HighlightRecord | null) => void;
  /** Runs an action that writes, with the spinner; its message and notes replace the last ones; a failure is shown. */
  act: (kind: NonNullable<Busy>, run: () => Promise<{ text: string; notes?: Note[] }>) => Promise<void>;
  /** Shows a notice of the pane's own (what this Excel lacks, before anything is done). */
  notify: (notice: Notice) => void;
}

/**
 * What the task pane does: infer the phase on open, validate, write 集計, go to a finding's cell. Host errors become a
 * notice. `undoOnce`: said after 集計 where one Ctrl+Z takes it back (ExcelApi 1.20).
 */
export function useChecker(api: OfficeApi, t: Strings, profile: TemplateProfile | null = defaultProfile, undoOnce?: string): Checker {
  const [phase, setPhase] = React.useState<Phase>("plan");
  const [inferred, setInferred] = React.useState<Phase | null>(null);
  const [reading, setReading] = React.useState(true);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [report, setReport] = React.useState<CheckReport | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [notes, setNotes] = React.useState<Note[]>([]);
  const [current, setCurrent] = React.useState<string | null>(null);
  const [grid, setGrid] = React.useState<WorkbookGrid | null>(null);
  const [kept, setKept] = React.useState<Checker["kept"]>({ summary: null, highlight: null });
  const [relinks, setRelinks] = React.useState<{ sheet: string; items: number }[]>([]);
  const picked = React.useRef(false);

  const fail = React.useCallback(
    (error: unknown) => {
      const hostError = toHostError(error);
      setNotice({ intent: "error", text: t.hostError(hostError.code, hostError.message) });
    },
    [t],
  );

  // Read the workbook once on open to infer the phase the staff member is at.
  React.useEffect(() => {
    if (!profile) return; // the deployment's profile is still loading: the first read waits for it
    let live = true;
    setReading(true);
    readWorkbookState(api)
      .then((state) => {
        if (!live) return;
        setKept({ summary: state.summary, highlight: state.highlight });
        setRelinks(staleSummaries(state));
        const inferredPhase = checkWorkbook(state, { profile }).phase;
        setInferred(inferredPhase);
        if (!picked.current) setPhase(inferredPhase);
      })
      .catch((error: unknown) => live && fail(error))
      .finally(() => live && setReading(false));
    return () => {
      live = false;
    };
  }, [api, fail, profile]);

  const choosePhase = (next: Phase) => {
    picked.current = true;
    setPhase(next);
  };

  const validate = async () => {
    if (busy) return;
    setBusy("validate");
    setNotice(null);
    setNotes([]);
    setReport(null);
    setCurrent(null);
    try {
      const state = await readWorkbookState(api);
      setNotes(state.notes);
      setKept({ summary: state.summary, highlight: state.highlight });
      setGrid(state);
      setReport(checkWorkbook(state, { phase, profile: profile ?? undefined }));
      setRelinks(staleSummaries(state));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const summarize = async () => {
    if (busy) return;
    setBusy("summarize");
    setNotice(null);
    setNotes([]);
    try {
      const result = await summarizeOpenWorkbook(api, { phase, profile: profile ?? undefined });
      setNotes(result.notes);
      setKept((k) => ({ ...k, summary: result.stamp }));
      setRelinks([]);
      setNotice({ intent: "success", text: t.summarized(result.sheet, result.items, undoableAtOnce(api) ? undoOnce : undefined) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const goToCell = async (sheet: string, cell: string) => {
    try {
      await selectCell(api, sheet, cell);
      setNotice((n) => (n?.intent === "error" ? null : n));
    } catch (error) {
      fail(error);
    }
  };

  const goTo = async (finding: Finding) => {
    if (!finding.sheet || !finding.cell) return;
    setCurrent(findingKey(finding));
    await goToCell(finding.sheet, finding.cell);
  };

  const replaceReport = React.useCallback((next: WorkbookGrid, nextReport: CheckReport) => {
    setGrid(next);
    setReport(nextReport);
  }, []);
  const setHighlight = React.useCallback((record: HighlightRecord | null) => setKept((k) => ({ ...k, highlight: record })), []);

  const act = async (kind: NonNullable<Busy>, run: () => Promise<{ text: string; notes?: Note[] }>) => {
    if (busy) return;
    setBusy(kind);
    setNotice(null);
    setNotes([]);
    try {
      const done = await run();
      setNotes(done.notes ?? []);
      setNotice({ intent: "success", text: done.text });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  return {
    phase,
    choosePhase,
    inferred,
    reading,
    busy,
    report,
    notice,
    notes,
    current,
    relinks,
    validate,
    summarize,
    goTo,
    profile: profile ?? defaultProfile,
    goToCell,
    grid,
    replaceReport,
    kept,
    setHighlight,
    act,
    notify: setNotice,
  };
}
