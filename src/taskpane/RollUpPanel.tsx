import * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { FileStatus } from "../summary/files";
import type { TemplateProfile } from "../template/profile";
import type { Strings } from "./i18n";

/** What the panel asks of its host: summarise these files (reading, checking, writing the sheets). */
export type RunRollUp = (
  files: File[],
  options: { signal: AbortSignal; onProgress: (index: number, status: FileStatus) => void; profile?: TemplateProfile },
) => Promise<{ sheets: string[]; summarised: number }>;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  drop: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  file: { display: "flex", flexDirection: "column", overflowWrap: "anywhere" },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  failed: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

type Run = { state: "idle" } | { state: "running"; controller: AbortController } | { state: "done"; sheets: string[]; summarised: number };

/**
 * 「複数のブックを集計」: pick several .xlsx files (or drop them here), see each one's status and n / total while
 * they are read, cancel, and get 全体集計 and ファイル別集計 in the open workbook. Files never leave the machine.
 */
/** `undoOnce`: said after the write where one Ctrl+Z takes it back (ExcelApi 1.20). */
export function RollUpPanel({ t, run, profile, disabled, undoOnce }: { t: Strings; run: RunRollUp; profile?: TemplateProfile; disabled?: boolean; undoOnce?: string }) {
  const styles = useStyles();
  const headingId = React.useId();
  const input = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [statuses, setStatuses] = React.useState<FileStatus[]>([]);
  const [current, setCurrent] = React.useState<Run>({ state: "idle" });
  const [error, setError] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const running = current.state === "running";

  const choose = (list: FileList | null) => {
    if (!list || running) return;
    const picked = [...list].filter((f) => /\.xls[xm]$/i.test(f.name) || f.type.includes("spreadsheetml"));
    const skipped = list.length - picked.length;
    setFiles(picked);
    setStatuses(picked.map(() => ({ state: "waiting" })));
    setCurrent({ state: "idle" });
    setError(skipped ? t.rollUpSkipped(skipped) : null);
  };

  const start = async () => {
    if (running || files.length === 0) return;
    const controller = new AbortController();
    setCurrent({ state: "running", controller });
    setError(null);
    setStatuses(files.map(() => ({ state: "waiting" })));
    try {
      const result = await run(files, {
        signal: controller.signal,
        onProgress: (index, status) => setStatuses((previous) => previous.map((s, i) => (i === index ? status : s))),
        profile,
      });
      setCurrent({ state: "done", ...result });
    } catch (e) {
      setCurrent({ state: "idle" });
      setError(controller.signal.aborted ? t.rollUpCancelled : e instanceof Error ? e.message : String(e));
    }
  };

  const finished = statuses.filter((s) => s.state === "done" || s.state === "failed").length;
  const failed = statuses.filter((s): s is Extract<FileStatus, { state: "failed" }> => s.state === "failed").length;

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h2 id={headingId} className={styles.heading}>
        {t.rollUpHeading}
      </h2>
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        data-testid="roll-up-drop"
        onDragOver={(event) => {
          event.preventDefault();
          if (!running) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          choose(event.dataTransfer?.files ?? null);
        }}
      >
        <Text size={200}>{t.rollUpHint}</Text>
        <div className={styles.actions}>
          <Button onClick={() => input.current?.click()} disabledFocusable={running || disabled}>
            {t.rollUpChoose}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t.rollUpChoose}
            onChange={(event) => {
              choose(event.currentTarget.files);
              event.currentTarget.value = "";
            }}
          />
        </div>
      </div>

      {files.length > 0 && (
        <>
          <ul className={styles.list} aria-label={t.rollUpFiles}>
            {files.map((file, i) => {
              const status = statuses[i] ?? { state: "waiting" };
              return (
                <li key={`${i}:${file.name}`} className={styles.file} data-state={status.state}>
                  <Text weight="semibold" size={200}>
                    {file.name}
                  </Text>
                  <span className={status.state === "failed" ? styles.failed : styles.status}>{t.rollUpStatus(status)}</span>
                </li>
              );
            })}
          </ul>
          <div role="status" aria-live="polite">
            {running && <ProgressBar value={files.length ? finished / files.length : 0} thickness="large" aria-label={t.rollUpProgress(finished, files.length)} />}
            {(running || current.state === "done") && <Text size={200}>{t.rollUpProgress(finished, files.length)}</Text>}
            {current.state === "done" && (
              <MessageBar intent={failed ? "warning" : "success"} layout="multiline">
                <MessageBarBody>
                  {t.rollUpDone(current.sheets, current.summarised, files.length)}
                  {undoOnce && ` ${undoOnce}`}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          <div className={styles.actions}>
            {running ? (
              <Button onClick={() => current.controller.abort()}>{t.rollUpCancel}</Button>
            ) : (
              <Button appearance="primary" onClick={() => void start()} disabledFocusable={disabled}>
                {t.rollUpStart(files.length)}
              </Button>
            )}
          </div>
        </>
      )}
      {error && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </section>
  );
}
