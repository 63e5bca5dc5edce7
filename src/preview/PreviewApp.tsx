import * as React from "react";
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, Spinner, tokens, webLightTheme } from "@fluentui/react-components";
import type { OfficeApi } from "../excel/office-api";
import { App } from "../taskpane/App";
import type { Locale } from "../taskpane/i18n";
import { a1, parseRange } from "../template/grid";
import { CellEditor, CellEditorText } from "./CellEditor";
import { GridView } from "./GridView";
import { gridModelOf, openHost, PreviewHost } from "./host-view";

/** Where webpack copies the sample workbook (CopyWebpackPlugin: assets/sample → dist/sample). */
export const SAMPLE_URL = "sample/tennoji-r1-shisei-kaikaku-2.0.xlsx";

const EDITOR_TEXT: Record<Locale, CellEditorText> = {
  ja: {
    cell: "セル",
    value: "セルの値",
    choices: "選択肢",
    choose: "選んでください",
    commit: "確定",
    undo: "元に戻す (Ctrl+Z)",
    pick: "表のセルを選ぶと、ここで値を書き換えられます",
    refused: "入力できません",
  },
  en: {
    cell: "Cell",
    value: "Cell value",
    choices: "Choices",
    choose: "Choose",
    commit: "Enter",
    undo: "Undo (Ctrl+Z)",
    pick: "Select a cell in the grid to change its value here",
    refused: "Not allowed",
  },
};

const TEXT: Record<Locale, Record<string, string>> = {
  ja: {
    title: "評価チェック プレビュー",
    note: "Excel のない環境向けの確認用画面です。ブックはこのブラウザーの中だけで開き、変更は保存されません。",
    open: "ブックを開く…",
    workbook: "ブック",
    sheets: "シート",
    pane: "作業ウィンドウ",
    loading: "ブックを読み込んでいます…",
    empty: "ブックが開かれていません。",
    loadError: "ブックを開けませんでした",
  },
  en: {
    title: "Evaluation check preview",
    note: "A stand-in for Excel where there is none. The workbook opens inside this browser only; changes are not saved.",
    open: "Open a workbook…",
    workbook: "Workbook",
    sheets: "Sheets",
    pane: "Task pane",
    loading: "Loading the workbook…",
    empty: "No workbook is open.",
    loadError: "The workbook could not be opened",
  },
};

const useStyles = makeStyles({
  page: { height: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground3 },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: "#107c41",
    color: "#ffffff",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, flex: "1 1 300px" },
  open: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
  },
  fileInput: { color: "#ffffff", maxWidth: "260px" },
  body: { flex: "1 1 auto", minHeight: 0, display: "flex", columnGap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  workbook: { flex: "1 1 auto", minWidth: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  pane: {
    flex: "0 0 360px",
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  paneTitle: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  paneBody: { flex: "1 1 auto", minHeight: 0, overflowY: "auto" },
});

interface Loaded {
  host: PreviewHost;
  fileName: string;
  /** Counts the workbooks opened, so that the task pane starts afresh (and re-infers the phase) for each. */
  serial: number;
}

/**
 * The offline preview: the workbook held by the in-memory Excel host, drawn as a grid, beside the REAL task
 * pane talking to that host. The grid is redrawn after every Excel.run the task pane makes.
 */
export function PreviewApp({ locale }: { locale: Locale }) {
  const styles = useStyles();
  const text = TEXT[locale];
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<string | null>(null);
  const [version, setVersion] = React.useState(0);
  const fileInputId = React.useId();

  const open = React.useCallback(async (bytes: () => Promise<ArrayBuffer>, fileName: string) => {
    setLoading(true);
    setError(null);
    try {
      const host = await openHost(await bytes(), { displayLanguage: locale === "en" ? "en-US" : "ja-JP", name: fileName });
      setLoaded((previous) => ({ host, fileName, serial: (previous?.serial ?? 0) + 1 }));
      setVersion((v) => v + 1);
    } catch (e) {
      setError(`${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(false);
    }
  }, [locale]);

  React.useEffect(() => {
    void open(async () => {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
      return response.arrayBuffer();
    }, SAMPLE_URL.split("/").pop()!);
  }, [open]);

  // The host says when an Excel.run has finished: the grid is redrawn after every batch the task pane makes.
  React.useEffect(() => loaded?.host.subscribe(() => setVersion((v) => v + 1)), [loaded]);
  const api = React.useMemo<OfficeApi | null>(() => loaded && { Excel: loaded.host.Excel, Office: loaded.host.Office }, [loaded]);

  const model = React.useMemo(() => (loaded ? gridModelOf(loaded.host) : { sheets: [], active: null, selection: null }), [loaded, version]);

  // The cell the user works on: the selection's top-left cell on the active sheet.
  const selected = React.useMemo(() => {
    if (!model.active || !model.selection) return null;
    try {
      const range = parseRange(model.selection);
      const sheet = model.sheets.find((s) => s.name === model.active);
      return { sheet: model.active, address: a1(range.top, range.left), cell: sheet?.cell(range.top, range.left) ?? null };
    } catch {
      return null;
    }
  }, [model]);

  const undo = () => loaded?.host.undo();

  const activate = async (sheet: string) => {
    if (!api) return;
    try {
      await api.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      });
    } catch {
      // A sheet tab click cannot fail in a way worth reporting: the grid stays as it was.
    }
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.page} lang={locale}>
      <header className={styles.header}>
        <h1 className={styles.title}>{text.title}</h1>
        <p className={styles.note}>{text.note}</p>
        <div className={styles.open}>
          <label htmlFor={fileInputId}>{text.open}</label>
          <input
            id={fileInputId}
            className={styles.fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void open(() => file.arrayBuffer(), file.name);
              event.currentTarget.value = "";
            }}
          />
        </div>
      </header>
      <main className={styles.body}>
        <section
          className={styles.workbook}
          aria-labelledby={`${fileInputId}-book`}
          onKeyDown={(event) => {
            // Ctrl+Z in the workbook (not while typing in a field, where it undoes the typing).
            const target = event.target as HTMLElement;
            if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
              event.preventDefault();
              undo();
            }
          }}
        >
          <h2 id={`${fileInputId}-book`} className={styles.fileName}>
            {text.workbook}: {loaded?.fileName ?? "—"}
          </h2>
          {error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                {text.loadError}: {error}
              </MessageBarBody>
            </MessageBar>
          )}
          {loading && <Spinner size="tiny" label={text.loading} />}
          <CellEditor
            sheet={selected?.sheet ?? null}
            address={selected?.address ?? null}
            cell={selected?.cell ?? null}
            canUndo={(loaded?.host.undoDepth() ?? 0) > 0}
            onCommit={(value) => loaded!.host.typeInto(selected!.sheet, selected!.address, value)}
            onUndo={undo}
            text={EDITOR_TEXT[locale]}
          />
          <GridView model={model} onActivate={(sheet) => void activate(sheet)} onSelectCell={(address) => model.active && loaded?.host.selectCell(model.active, address)} label={text.workbook} sheetTabsLabel={text.sheets} emptyText={text.empty} />
        </section>
        <section className={styles.pane} aria-labelledby={`${fileInputId}-pane`}>
          <h2 id={`${fileInputId}-pane`} className={styles.paneTitle}>{text.pane}</h2>
          <div className={styles.paneBody}>
            {api && loaded && <App key={loaded.serial} api={api} locale={locale} embedded />}
          </div>
        </section>
      </main>
    </FluentProvider>
  );
}
