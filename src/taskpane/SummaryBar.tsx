import * as React from "react";
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from "@fluentui/react-components";
import type { CheckReport } from "../check";
import { countBlocking } from "../model";
import type { Strings } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  counts: { fontWeight: tokens.fontWeightSemibold },
});

/** The count line 「エラー n 件 / 警告 n 件」 and, when nothing was found, a success message. */
export function SummaryBar({ report, t }: { report: CheckReport; t: Strings }) {
  const styles = useStyles();
  const { blocking, warnings } = countBlocking(report.findings);
  return (
    <div className={styles.root}>
      <Text size={200}>{t.checkedAs(report.phase, report.items.length)}</Text>
      <Text className={styles.counts} data-testid="counts">
        {t.counts(blocking, warnings)}
      </Text>
      {report.findings.length === 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.noFindings}</MessageBarTitle>
            {t.noFindingsDetail}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
