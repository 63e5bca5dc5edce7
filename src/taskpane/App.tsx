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
import type { OfficeApi } from "../excel/office-api";
import { inspectReport } from "../inspection";
import { DeployedProfile, loadDeployedProfile } from "../deployed-profile";
import { FindingList } from "./FindingList";
import { Locale, localeOf, STRINGS } from "./i18n";
import { PhasePicker } from "./PhasePicker";
import { ReadingView } from "./ReadingView";
import { SummaryBar } from "./SummaryBar";
import { useChecker } from "./useChecker";

export interface AppProps {
  /** Office.js (`globalOfficeApi()`) or the in-memory host's `{ Excel, Office }`. */
  api: OfficeApi;
  /** Defaults to the language of `api.Office.context.displayLanguage`. */
  locale?: Locale;
  theme?: Theme;
  /** Inside another page's landmark (the preview's pane): no <main> of its own. */
  embedded?: boolean;
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
});

/** The task pane: pick the phase, validate, go to each finding's cell, write the 集計 sheet. */
export function App({ api, locale: givenLocale, theme = webLightTheme, embedded = false, loadProfile = loadDeployedProfile }: AppProps) {
  const Root = embedded ? "div" : "main";
  const locale = givenLocale ?? localeOf(api.Office);
  const t = STRINGS[locale];
  const styles = useStyles();
  const headingId = React.useId();
  const summarizeHintId = React.useId();

  const [deployed, setDeployed] = React.useState<DeployedProfile | null>(null);
  React.useEffect(() => void loadProfile().then(setDeployed), [loadProfile]);
  const { phase, choosePhase, inferred, reading, busy, report, notice, notes, current, validate, summarize, goTo, goToCell } = useChecker(
    api,
    t,
    deployed?.profile ?? null,
  );
  const understood = React.useMemo(() => (report ? inspectReport(report) : []), [report]);

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

        {understood.length > 0 && <ReadingView forms={understood} t={t} onSelect={(sheet, cell) => void goToCell(sheet, cell)} />}
      </Root>
    </FluentProvider>
  );
}
