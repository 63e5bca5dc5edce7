import * as React from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Theme,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { checkWorkbook, CheckReport } from "../check";
import { Note, toHostError } from "../excel/host-error";
import type { OfficeApi } from "../excel/office-api";
import { readOpenWorkbook } from "../excel/read-workbook";
import { selectCell } from "../excel/select-cell";
import { summarizeOpenWorkbook } from "../excel/summarize";
import type { Finding, Phase } from "../model";
import { FindingList } from "./FindingList";
import { Locale, localeOf, STRINGS } from "./i18n";
import { PhasePicker } from "./PhasePicker";
import { SummaryBar } from "./SummaryBar";

export interface AppProps {
  /** Office.js (`globalOfficeApi()`) or the in-memory host's `{ Excel, Office }`. */
  api: OfficeApi;
  /** Defaults to the language of `api.Office.context.displayLanguage`. */
  locale?: Locale;
  theme?: Theme;
  /** Inside another page's landmark (the preview's pane): no <main> of its own. */
  embedded?: boolean;
}

type Busy = "validate" | "summarize" | null;
type Notice = { intent: "success" | "error"; text: string } | null;

const useStyles = makeStyles({
  provider: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground2 },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "640px",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  resultsHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  results: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** The task pane: pick the phase, validate, go to each finding's cell, write the 集計 sheet. */
export function App({ api, locale: givenLocale, theme = webLightTheme, embedded = false }: AppProps) {
  const Root = embedded ? "div" : "main";
  const locale = givenLocale ?? localeOf(api.Office);
  const t = STRINGS[locale];
  const styles = useStyles();
  const headingId = React.useId();
  const summarizeHintId = React.useId();

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
    let live = true;
    setReading(true);
    readOpenWorkbook(api)
      .then((grid) => {
        if (!live) return;
        const inferredPhase = checkWorkbook(grid).phase;
        setInferred(inferredPhase);
        if (!picked.current) setPhase(inferredPhase);
      })
      .catch((error: unknown) => live && fail(error))
      .finally(() => live && setReading(false));
    return () => {
      live = false;
    };
  }, [api, fail]);

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
      setReport(checkWorkbook(grid, { phase }));
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
      const result = await summarizeOpenWorkbook(api, { phase });
      setNotes(result.notes);
      setNotice({ intent: "success", text: t.summarized(result.sheet, result.items) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const goTo = async (finding: Finding, index: number) => {
    if (!finding.sheet || !finding.cell) return;
    setCurrent(index);
    try {
      await selectCell(api, finding.sheet, finding.cell);
      setNotice((n) => (n?.intent === "error" ? null : n));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <FluentProvider theme={theme} className={styles.provider} lang={locale}>
      <Root className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t.title}</h1>
          <Text size={200} className={styles.subtitle}>
            {t.subtitle}
          </Text>
        </header>

        <PhasePicker value={phase} onChange={choosePhase} inferred={inferred} reading={reading} disabled={busy !== null} t={t} />

        <div className={styles.actions}>
          <Button appearance="primary" onClick={validate} disabledFocusable={busy !== null}>
            {t.validate}
          </Button>
          <Button onClick={summarize} disabledFocusable={busy !== null} aria-describedby={summarizeHintId}>
            {t.summarize}
          </Button>
          <span id={summarizeHintId} hidden>
            {t.summarizeHint}
          </span>
        </div>

        {notice?.intent === "error" && (
          <div role="alert">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                {notice.text}
              </MessageBarBody>
            </MessageBar>
          </div>
        )}

        <div role="status" aria-live="polite" className={styles.results}>
          {busy && <Spinner size="tiny" label={busy === "validate" ? t.validating : t.summarizing} />}
          {notice?.intent === "success" && (
            <MessageBar intent="success">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {notes.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.notesTitle}</MessageBarTitle>
                {notes.map((note) => (
                  <div key={note.ja}>{note[locale]}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {report && (
            <>
              <h2 id={headingId} className={styles.resultsHeading}>
                {t.resultsHeading}
              </h2>
              <SummaryBar report={report} t={t} />
            </>
          )}
        </div>

        {report && report.findings.length > 0 && (
          <section aria-labelledby={headingId}>
            <FindingList
              findings={report.findings}
              items={report.items}
              locale={locale}
              t={t}
              current={current}
              onSelect={(finding, index) => void goTo(finding, index)}
            />
          </section>
        )}
      </Root>
    </FluentProvider>
  );
}
