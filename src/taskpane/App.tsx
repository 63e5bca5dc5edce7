import * as React from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Theme,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { OfficeApi } from "../excel/office-api";
import { inspectReport } from "../inspection";
import { DeployedProfile, loadDeployedProfile } from "../deployed-profile";
import { FindingList } from "./FindingList";
import { Locale, localeOf, STRINGS } from "./i18n";
import { PhasePicker } from "./PhasePicker";
import { RollUpPanel, RunRollUp } from "./RollUpPanel";
import { ReadingView } from "./ReadingView";
import { formatWhen, SHEET_STRINGS } from "./sheet-strings";
import { SummaryBar } from "./SummaryBar";
import { VISUALLY_HIDDEN } from "./styles";
import { useChecker } from "./useChecker";
import { useSheetTools } from "./useSheetTools";

export interface AppProps {
  /** Office.js (`globalOfficeApi()`) or the in-memory host's `{ Excel, Office }`. */
  api: OfficeApi;
  /** Defaults to the language of `api.Office.context.displayLanguage`. */
  locale?: Locale;
  theme?: Theme;
  /** Inside another page's landmark (the preview's pane): no <main> of its own. */
  embedded?: boolean;
  /** Summarises several workbook files into the open workbook (「複数のブックを集計…」); absent: not offered. */
  rollUp?: RunRollUp;
  /** Open with the roll-up panel showing (the ribbon's 「複数のブックを集計…」). */
  startWithRollUp?: boolean;
  /** The profile to read workbooks with: by default the deployment's profile.json beside the page, else the built-in one. */
  loadProfile?: () => Promise<DeployedProfile>;
}

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
  tools: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  toolsHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  small: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  visuallyHidden: VISUALLY_HIDDEN,

});

/** The task pane: pick the phase, validate, go to each finding's cell, write the 集計 sheet. */
export function App({
  api,
  locale: givenLocale,
  theme = webLightTheme,
  embedded = false,
  loadProfile = loadDeployedProfile,
  rollUp,
  startWithRollUp = false,
}: AppProps) {
  const Root = embedded ? "div" : "main";
  const locale = givenLocale ?? localeOf(api.Office);
  const t = STRINGS[locale];
  const styles = useStyles();
  const headingId = React.useId();
  const summarizeHintId = React.useId();
  const toolsId = React.useId();
  const undoId = React.useId();
  const s = SHEET_STRINGS[locale];

  const [deployed, setDeployed] = React.useState<DeployedProfile | null>(null);
  React.useEffect(() => void loadProfile().then(setDeployed), [loadProfile]);
  const checker = useChecker(api, t, deployed?.profile ?? null, s.undoOnce);
  const { phase, choosePhase, inferred, reading, busy, report, notice, notes, current, validate, summarize, goTo, goToCell, kept, relinks } = checker;
  const tools = useSheetTools(api, checker, locale);
  const busyText = { validate: t.validating, summarize: t.summarizing, rules: s.settingRules, highlight: s.highlighting, clear: s.clearing };
  const understood = React.useMemo(() => (report ? inspectReport(report) : []), [report]);
  const [rollUpOpen, setRollUpOpen] = React.useState(startWithRollUp && Boolean(rollUp));

  return (
    <FluentProvider theme={theme} className={styles.provider} lang={locale}>
      <Root className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t.title}</h1>
          <Text size={200} className={styles.subtitle}>
            {t.subtitle}
          </Text>
          {deployed && (
            <Text size={200} className={styles.subtitle} data-testid="profile">
              {t.profileInUse(deployed.profile.name, deployed.file !== null && deployed.error === null)}
            </Text>
          )}
        </header>

        {deployed?.error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.profileErrorTitle}</MessageBarTitle>
              {deployed.error}
            </MessageBarBody>
          </MessageBar>
        )}

        <PhasePicker value={phase} onChange={choosePhase} inferred={inferred} reading={reading} disabled={busy !== null} t={t} />

        <div className={styles.actions}>
          <Button appearance="primary" onClick={validate} disabledFocusable={busy !== null}>
            {t.validate}
          </Button>
          <Button onClick={summarize} disabledFocusable={busy !== null} aria-describedby={tools.undoable ? summarizeHintId : `${summarizeHintId} ${undoId}`}>
            {t.summarize}
          </Button>
          <span id={summarizeHintId} hidden>
            {t.summarizeHint}
          </span>
          {rollUp && (
            <Button appearance={rollUpOpen ? "outline" : "secondary"} aria-expanded={rollUpOpen} onClick={() => setRollUpOpen((open) => !open)}>
              {t.rollUp}
            </Button>
          )}
        </div>

        {/* Before any action that writes (集計, the roll-up, the sheet tools): this Excel cannot take it back. */}
        {!tools.undoable && (
          <Text id={undoId} className={styles.small}>
            {s.undoUnavailable}
          </Text>
        )}

        {rollUp && rollUpOpen && (
          <RollUpPanel t={t} run={rollUp} profile={deployed?.profile} disabled={busy !== null || !deployed} undoOnce={tools.undoable ? s.undoOnce : undefined} />
        )}

        {relinks.length > 0 && !busy && (
          <MessageBar intent="warning" layout="multiline" data-testid="relink">
            <MessageBarBody>
              <MessageBarTitle>{t.relinkTitle}</MessageBarTitle>
              {relinks.map((r) => t.relinkSummary(r.sheet, r.items)).join(" ")}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void summarize()}>{t.rebuild}</Button>
            </MessageBarActions>
          </MessageBar>
        )}

        <section className={styles.tools} aria-labelledby={`${toolsId}-heading`}>
          <h2 id={`${toolsId}-heading`} className={styles.toolsHeading}>
            {s.toolsHeading}
          </h2>
          <Text className={styles.small}>{s.toolsHint}</Text>
          <div className={styles.actions}>
            <Button onClick={() => void tools.setRules()} disabledFocusable={busy !== null}>
              {s.setRules}
            </Button>
            <Button onClick={() => void tools.highlight()} disabledFocusable={busy !== null || !report} aria-describedby={report ? undefined : `${toolsId}-needs`}>
              {s.highlight}
            </Button>
            <Button onClick={() => void tools.clear()} disabledFocusable={busy !== null}>
              {s.clearHighlight}
            </Button>
          </div>
          {!report && (
            <Text id={`${toolsId}-needs`} className={styles.small}>
              {s.highlightNeedsResult}
            </Text>
          )}
          {kept.highlight && (
            <Text className={styles.small} data-testid="highlight-state">
              {s.highlightOn(kept.highlight.phase, formatWhen(kept.highlight.at, locale), kept.highlight.errors, kept.highlight.warnings)}
            </Text>
          )}
          {tools.missing.map((m) => (
            <Text key={m.ja} className={styles.small}>
              {m[locale]}
            </Text>
          ))}
          {tools.live && <Text className={styles.small}>{tools.live === "on" ? s.liveOn : s.liveUnavailable}</Text>}
        </section>

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
          {busy && <Spinner size="tiny" label={busyText[busy]} />}
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
          {report && tools.stale && kept.summary && (
            <MessageBar intent="warning" layout="multiline" data-testid="stale">
              <MessageBarBody>
                <MessageBarTitle>{s.staleTitle}</MessageBarTitle>
                {s.stale(kept.summary.phase, formatWhen(kept.summary.at, locale), report.phase, tools.stale.phase)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void summarize()} disabledFocusable={busy !== null}>
                  {s.remake}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {tools.liveFailed && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{s.liveFailed}</MessageBarBody>
            </MessageBar>
          )}
          {tools.highlightOutdated && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{s.highlightOutdated}</MessageBarBody>
            </MessageBar>
          )}
        </div>

        <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="announcement">
          {tools.announcement}
        </div>

        {report && report.findings.length > 0 && (
          <section aria-labelledby={headingId}>
            <FindingList
              findings={report.findings}
              items={report.items}
              locale={locale}
              t={t}
              s={s}
              current={current}
              onSelect={(finding) => void goTo(finding)}
            />
          </section>
        )}

        {understood.length > 0 && <ReadingView forms={understood} t={t} onSelect={(sheet, cell) => void goToCell(sheet, cell)} />}
      </Root>
    </FluentProvider>
  );
}
