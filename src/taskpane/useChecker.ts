import * as React from "react";
import { checkWorkbook, CheckReport } from "../check";
import { Note, toHostError } from "../excel/host-error";
import type { OfficeApi } from "../excel/office-api";
import { readOpenWorkbook } from "../excel/read-workbook";
import { selectCell } from "../excel/select-cell";
import { summarizeOpenWorkbook } from "../excel/summarize";
import type { Finding, Phase } from "../model";
import type { Strings } from "./i18n";
import { defaultProfile, TemplateProfile } from "../template/profile";

export type Busy = "validate" | "summarize" | null;
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
  /** Index in `report.findings` of the finding whose cell was last selected. */
  current: number | null;
  validate: () => Promise<void>;
  summarize: () => Promise<void>;
  goTo: (finding: Finding, index: number) => Promise<void>;
  /** Selects a cell of the workbook (a field's, from 読み取り結果). */
  goToCell: (sheet: string, cell: string) => Promise<void>;
}

/**
 * What the task pane does: infer the phase on open, validate, write 集計, go to a finding's cell. Host errors become a
 * notice. `profile` null: the deployment's profile is still loading, and the first read waits for it.
 */
export function useChecker(api: OfficeApi, t: Strings, profile: TemplateProfile | null = defaultProfile): Checker {
  const [phase, setPhase] = React.useState<Phase>("plan");
  const [inferred, setInferred] = React.useState<Phase | null>(null);
  const [reading, setReading] = React.useState(true);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [report, setReport] = React.useState<CheckReport | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [notes, setNotes] = React.useState<Note[]>([]);
  const [current, setCurrent] = React.useState<number | null>(null);
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
    if (!profile) return;
    let live = true;
    setReading(true);
    readOpenWorkbook(api)
      .then((grid) => {
        if (!live) return;
        const inferredPhase = checkWorkbook(grid, { profile }).phase;
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
      const grid = await readOpenWorkbook(api);
      setNotes(grid.notes);
      setReport(checkWorkbook(grid, { phase, profile: profile ?? undefined }));
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
      setNotice({ intent: "success", text: t.summarized(result.sheet, result.items) });
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

  const goTo = async (finding: Finding, index: number) => {
    if (!finding.sheet || !finding.cell) return;
    setCurrent(index);
    await goToCell(finding.sheet, finding.cell);
  };

  return { phase, choosePhase, inferred, reading, busy, report, notice, notes, current, validate, summarize, goTo, goToCell };
}
