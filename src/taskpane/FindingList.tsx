import * as React from "react";
import { Badge, BadgeProps, makeStyles, mergeClasses, shorthands, Text, tokens } from "@fluentui/react-components";
import type { Finding, Item, Severity } from "../model";
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

interface Group {
  key: string;
  heading: string;
  entries: { finding: Finding; index: number }[];
}

/** Findings grouped by item (取組項目 N【title】), workbook-wide ones first; each with a place goes to its cell. */
export function FindingList({ findings, items, locale, t, current, onSelect }: FindingListProps) {
  const styles = useStyles();
  const hintId = React.useId();
  const groups = React.useMemo(() => groupFindings(findings, items, t), [findings, items, t]);
  if (findings.length === 0) return null;
  return (
    <div>
      <span id={hintId} className={styles.hidden}>
        {t.selectHint}
      </span>
      {groups.map((group) => {
        const headingId = `${hintId}-${group.key}`;
        return (
          <section key={group.key} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {group.heading}
            </h3>
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

function groupFindings(findings: readonly Finding[], items: readonly Item[], t: Strings): Group[] {
  const titles = new Map(items.map((item) => [item.no, item.title]));
  const groups = new Map<string, Group>();
  findings.forEach((finding, index) => {
    const key = finding.item === null ? "workbook" : `item-${finding.item}`;
    let group = groups.get(key);
    if (!group) {
      const heading = finding.item === null ? t.workbookGroup : t.itemHeading(finding.item, titles.get(finding.item) ?? null);
      groups.set(key, (group = { key, heading, entries: [] }));
    }
    group.entries.push({ finding, index });
  });
  return [...groups.values()];
}
