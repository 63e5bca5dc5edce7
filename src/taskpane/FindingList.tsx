import * as React from "react";
import { Badge, BadgeProps, Label, makeStyles, mergeClasses, Select, shorthands, Text, tokens } from "@fluentui/react-components";
import { Finding, groupFindings, isBlocking, Item, Severity } from "../model";
import { messageIn } from "../rules";
import type { Locale, Strings } from "./i18n";
import type { SheetStrings } from "./sheet-strings";
import { ENTRY } from "./styles";

const BADGE_COLORS: Record<Severity, BadgeProps["color"]> = { fatal: "important", error: "danger", warning: "warning" };

/** More findings than this and the list offers filters. */
export const FILTER_ABOVE = 10;

const useStyles = makeStyles({
  hint: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginBottom: tokens.spacingVerticalXS },
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS },
  filter: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, flex: "1 1 140px", minWidth: 0 },
  shown: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  group: { marginTop: tokens.spacingVerticalM },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  formHeading: {
    margin: `${tokens.spacingVerticalM} 0 0`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  finding: {
    ...ENTRY,
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ":hover .hyoka-place": { textDecorationLine: "underline" },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      ...shorthands.outline(tokens.strokeWidthThick, "solid", tokens.colorStrokeFocus2),
      outlineOffset: "1px",
    },
  },
  current: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  message: { gridColumn: "2", wordBreak: "break-word" },
  place: { gridColumn: "2", color: tokens.colorBrandForegroundLink, fontSize: tokens.fontSizeBase200 },
  chevron: { gridColumn: "3", gridRow: "1 / span 2", alignSelf: "center", color: tokens.colorNeutralForeground3, display: "flex" },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface FindingListProps {
  findings: readonly Finding[];
  items: readonly Item[];
  locale: Locale;
  t: Strings;
  s: SheetStrings;
  /** The key (findingKey) of the finding whose cell was last selected. */
  current: string | null;
  onSelect: (finding: Finding) => void;
}

/** What identifies a finding across re-checks: the same problem in the same place keeps its key. */
export function findingKey(finding: Finding): string {
  return [finding.code, finding.sheet ?? "", finding.cell ?? "", finding.item ?? "", finding.field ?? ""].join("|");
}

type SeverityFilter = "all" | "errors" | "warnings";

interface Entry {
  key: string;
  finding: Finding;
}

interface Group {
  key: string;
  form: string | null;
  heading: string;
  entries: Entry[];
}

/**
 * Findings grouped by item (取組項目 N【title】), workbook-wide ones first, under a heading per form (様式「北区」) when
 * the workbook holds several (北区's 取組項目 1 is not 都島区's); each with a place is a link to its cell
 * (a button that looks and acts like one: pointer, chevron, Enter or Space). Above FILTER_ABOVE findings, filters
 * by kind and by item. A re-check updates the list in place: an entry keeps its element (and so focus and
 * scroll) while its finding remains; when the focused one goes, focus moves to its neighbour.
 */
export function FindingList({ findings, items, locale, t, s, current, onSelect }: FindingListProps) {
  const styles = useStyles();
  const hintId = React.useId();
  const filterId = React.useId();
  const [severity, setSeverity] = React.useState<SeverityFilter>("all");
  const [item, setItem] = React.useState<string>("all");
  const listRef = React.useRef<HTMLDivElement>(null);
  const focused = React.useRef<{ key: string; position: number } | null>(null);

  const entries = React.useMemo(() => keyed(findings), [findings]);
  const forms = [...new Set(items.map((i) => i.form))];
  const several = forms.length > 1;
  const filtering = findings.length > FILTER_ABOVE;
  const visible = entries.filter(
    ({ finding }) =>
      !filtering ||
      ((severity === "all" || (severity === "errors") === isBlocking(finding)) && (item === "all" || groupKey(finding, several) === item)),
  );
  const groups = itemGroups(visible, items, t, several);
  const visibleKeys = visible.map((e) => e.key).join("\n");

  // Which entry has focus, seen before this render changes the list (while the pane itself has focus: a user
  // typing in the sheet must not have focus pulled into the pane).
  const list = listRef.current;
  if (list) {
    const doc = list.ownerDocument;
    const active = doc.activeElement as HTMLElement | null;
    const buttons = [...list.querySelectorAll<HTMLElement>("button[data-key]")];
    focused.current = doc.hasFocus() && active?.dataset.key && list.contains(active) ? { key: active.dataset.key, position: buttons.indexOf(active) } : null;
  }
  // The focused entry went away in a re-check: focus its neighbour, so that the keyboard user stays in the list.
  React.useLayoutEffect(() => {
    const was = focused.current;
    const current = listRef.current;
    if (!was || !current) return;
    const buttons = [...current.querySelectorAll<HTMLElement>("button[data-key]")];
    if (buttons.some((b) => b.dataset.key === was.key)) return;
    focused.current = null;
    buttons[Math.min(was.position, buttons.length - 1)]?.focus();
  }, [visibleKeys]);

  if (findings.length === 0) return null;
  const itemSection = (group: Group, Heading: "h3" | "h4") => {
    const headingId = `${hintId}-${group.key}`;
    return (
      <section key={group.key} className={styles.group} aria-labelledby={headingId}>
        <Heading id={headingId} className={styles.heading}>
          {group.heading}
        </Heading>
        <ul className={styles.list} aria-labelledby={headingId}>
          {group.entries.map(({ key, finding }) => (
            <li key={key}>
              <FindingEntry
                entryKey={key}
                finding={finding}
                locale={locale}
                t={t}
                s={s}
                hintId={hintId}
                isCurrent={current === findingKey(finding)}
                onSelect={() => onSelect(finding)}
                styles={styles}
              />
            </li>
          ))}
        </ul>
      </section>
    );
  };
  const counts = { errors: findings.filter(isBlocking).length, warnings: findings.filter((f) => !isBlocking(f)).length };
  const itemOptions = itemFilterOptions(findings, items, s, several);
  if (item !== "all" && !itemOptions.some((o) => o.value === item)) itemOptions.push({ value: item, label: optionLabel(item, null, 0, s) });

  return (
    <div ref={listRef}>
      {filtering && (
        <div className={styles.filters} role="group" aria-label={s.filterSeverity + " / " + s.filterItem}>
          <div className={styles.filter}>
            <Label htmlFor={`${filterId}-severity`} size="small">
              {s.filterSeverity}
            </Label>
            <Select id={`${filterId}-severity`} size="small" value={severity} onChange={(_, data) => setSeverity(data.value as SeverityFilter)}>
              <option value="all">{s.filterAll}</option>
              <option value="errors">{s.filterErrors(counts.errors)}</option>
              <option value="warnings">{s.filterWarnings(counts.warnings)}</option>
            </Select>
          </div>
          <div className={styles.filter}>
            <Label htmlFor={`${filterId}-item`} size="small">
              {s.filterItem}
            </Label>
            <Select id={`${filterId}-item`} size="small" value={item} onChange={(_, data) => setItem(data.value)}>
              <option value="all">{s.filterAllItems}</option>
              {itemOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          {visible.length !== findings.length && <Text className={styles.shown}>{s.shown(visible.length, findings.length)}</Text>}
        </div>
      )}
      <Text id={hintId} className={styles.hint}>
        {t.selectHint}
      </Text>
      {visible.length === 0 && <Text className={styles.empty}>{s.noneShown}</Text>}
      {forms.length <= 1
        ? groups.map((group) => itemSection(group, "h3"))
        : forms.map((form, f) => {
            const own = groups.filter((group) => group.form === form);
            if (own.length === 0) return null;
            const formHeadingId = `${hintId}-form-${f}`;
            return (
              <section key={formHeadingId} aria-labelledby={formHeadingId}>
                <h3 id={formHeadingId} className={styles.formHeading}>
                  {t.formHeading(form)}
                </h3>
                {own.map((group) => itemSection(group, "h4"))}
              </section>
            );
          })}
    </div>
  );
}

function Chevron() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function FindingEntry(props: {
  entryKey: string;
  finding: Finding;
  locale: Locale;
  t: Strings;
  s: SheetStrings;
  hintId: string;
  isCurrent: boolean;
  onSelect: () => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const { entryKey, finding, locale, t, s, hintId, isCurrent, onSelect, styles } = props;
  const message = messageIn(finding, locale);
  const place = finding.sheet && finding.cell ? `${finding.sheet}!${finding.cell}` : null;
  const content = (
    <>
      <Badge color={BADGE_COLORS[finding.severity]} appearance="filled" shape="rounded">
        {t.severity(finding.severity)}
      </Badge>
      <Text className={styles.message}>{message}</Text>
      {place && <Text className={mergeClasses(styles.place, "hyoka-place")}>{s.goToCell(place)}</Text>}
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
      data-key={entryKey}
      data-code={finding.code}
      data-sheet={finding.sheet ?? undefined}
      data-cell={finding.cell ?? undefined}
      onClick={onSelect}
    >
      {content}
      <span className={styles.chevron}>
        <Chevron />
      </span>
    </button>
  );
}

/** Keys for the findings; the same key twice (two findings of one code on one cell) gets a count. */
function keyed(findings: readonly Finding[]): Entry[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = findingKey(finding);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n ? `${base}#${n}` : base, finding };
  });
}

/** A group's (and the item filter's) value: "workbook" or "item-N", after its form's name when there are several. */
function groupKey({ form, item }: Pick<Finding, "form" | "item">, several: boolean): string {
  const key = item === null ? "workbook" : `item-${item}`;
  return several ? `${form ?? ""}|${key}` : key;
}

function optionLabel(value: string, title: string | null, n: number, s: SheetStrings): string {
  const at = value.lastIndexOf("|");
  const item = value.slice(at + 1);
  const label = item === "workbook" ? s.workbookWide(n) : s.filterItemOption(Number(item.slice(5)), title, n);
  return at < 0 ? label : `${value.slice(0, at)}: ${label}`;
}

function itemFilterOptions(findings: readonly Finding[], items: readonly Item[], s: SheetStrings, several: boolean): { value: string; label: string }[] {
  const titles = new Map(items.map((i) => [groupKey({ form: i.form, item: i.no }, several), i.title]));
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(groupKey(finding, several), (counts.get(groupKey(finding, several)) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, label: optionLabel(value, titles.get(value) ?? null, n, s) }));
}

/** The visible entries by form and item, as the report lists them (the model's groupFindings), with their keys. */
function itemGroups(entries: readonly Entry[], items: readonly Item[], t: Strings, several: boolean): Group[] {
  return groupFindings(
    entries.map((e) => e.finding),
    items,
  ).map((group) => ({
    key: groupKey(group.entries[0].finding, several).replace(/[^\w-]/g, (c) => c.charCodeAt(0).toString(36)),
    form: group.form,
    heading: group.item === null ? t.workbookGroup : t.itemHeading(group.item, group.title),
    entries: group.entries.map(({ index }) => entries[index]),
  }));
}
