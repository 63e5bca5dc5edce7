import * as React from "react";
import { Badge, BadgeProps, makeStyles, mergeClasses, shorthands, Text, tokens } from "@fluentui/react-components";
import { Finding, FindingGroup, groupFindings, Item, Severity } from "../model";
import { messageIn } from "../rules";
import type { Locale, Strings } from "./i18n";

const BADGE_COLORS: Record<Severity, BadgeProps["color"]> = { fatal: "important", error: "danger", warning: "warning" };

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  formHeading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  finding: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "start",
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: "start",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      ...shorthands.outline(tokens.strokeWidthThick, "solid", tokens.colorStrokeFocus2),
      outlineOffset: "1px",
    },
  },
  current: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  message: { gridColumn: "2", wordBreak: "break-word" },
  place: { gridColumn: "2", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface FindingListProps {
  findings: readonly Finding[];
  items: readonly Item[];
  locale: Locale;
  t: Strings;
  /** Index in `findings` of the finding whose cell was last selected. */
  current: number | null;
  onSelect: (finding: Finding, index: number) => void;
}

/**
 * Findings grouped by item (取組項目 N【title】), workbook-wide ones first, and under a heading per form (様式「北区」)
 * when the workbook holds several; each finding with a place goes to its cell.
 */
export function FindingList({ findings, items, locale, t, current, onSelect }: FindingListProps) {
  const styles = useStyles();
  const hintId = React.useId();
  const groups = React.useMemo(() => groupFindings(findings, items), [findings, items]);
  const forms = React.useMemo(() => [...new Set(items.map((item) => item.form))], [items]);
  if (findings.length === 0) return null;

  const itemGroup = (group: FindingGroup, level: "h3" | "h4") => {
    const key = `${forms.indexOf(group.form ?? "")}-${group.item ?? "all"}`;
    const headingId = `${hintId}-${key}`;
    const Heading = level;
    return (
      <section key={key} className={styles.group} aria-labelledby={headingId}>
        <Heading id={headingId} className={styles.heading}>
          {group.item === null ? t.workbookGroup : t.itemHeading(group.item, group.title)}
        </Heading>
        <ul className={styles.list} aria-labelledby={headingId}>
          {group.entries.map(({ finding, index }) => (
            <li key={index}>
              <FindingEntry
                finding={finding}
                locale={locale}
                t={t}
                hintId={hintId}
                isCurrent={current === index}
                onSelect={() => onSelect(finding, index)}
                styles={styles}
              />
            </li>
          ))}
        </ul>
      </section>
    );
  };

  return (
    <div>
      <span id={hintId} className={styles.hidden}>
        {t.selectHint}
      </span>
      {forms.length <= 1
        ? groups.map((group) => itemGroup(group, "h3"))
        : forms.map((form, f) => {
            const own = groups.filter((group) => group.form === form);
            if (own.length === 0) return null;
            const headingId = `${hintId}-form-${f}`;
            return (
              <section key={form} className={styles.group} aria-labelledby={headingId}>
                <h3 id={headingId} className={styles.formHeading}>
                  {t.formHeading(form)}
                </h3>
                {own.map((group) => itemGroup(group, "h4"))}
              </section>
            );
          })}
    </div>
  );
}

function FindingEntry(props: {
  finding: Finding;
  locale: Locale;
  t: Strings;
  hintId: string;
  isCurrent: boolean;
  onSelect: () => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { finding, locale, t, hintId, isCurrent, onSelect, styles } = props;
  const message = messageIn(finding, locale);
  const place = finding.sheet && finding.cell ? `${finding.sheet}!${finding.cell}` : null;
  const content = (
    <>
      <Badge color={BADGE_COLORS[finding.severity]} appearance="filled" shape="rounded">
        {t.severity(finding.severity)}
      </Badge>
      <Text className={styles.message}>{message}</Text>
      {place && <Text className={styles.place}>{place}</Text>}
    </>
  );
  if (!place) {
    return (
      <div className={styles.finding} data-code={finding.code}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={mergeClasses(styles.finding, styles.clickable, isCurrent && styles.current)}
      aria-describedby={hintId}
      aria-current={isCurrent ? "true" : undefined}
      data-code={finding.code}
      data-sheet={finding.sheet ?? undefined}
      data-cell={finding.cell ?? undefined}
      onClick={onSelect}
    >
      {content}
    </button>
  );
}
