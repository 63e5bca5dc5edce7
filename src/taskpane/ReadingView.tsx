import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  mergeClasses,
  shorthands,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { InspectedField, InspectedForm, InspectedItem } from "../inspection";
import type { Strings } from "./i18n";
import { ENTRY, VISUALLY_HIDDEN } from "./styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  formHeading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  itemHeading: { margin: 0 },
  headerText: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    flexWrap: "wrap",
    textAlign: "start",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  field: {
    ...ENTRY,
    display: "grid",
    gridTemplateColumns: "minmax(3.5em, auto) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      ...shorthands.outline(tokens.strokeWidthThick, "solid", tokens.colorStrokeFocus2),
      outlineOffset: "1px",
    },
  },
  current: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  label: {
    gridColumn: "1 / -1",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  value: {
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: VISUALLY_HIDDEN,

});

type Styles = ReturnType<typeof useStyles>;

export interface ReadingViewProps {
  forms: readonly InspectedForm[];
  t: Strings;
  /** Selects the cell a field was read from. */
  onSelect: (sheet: string, cell: string) => void;
}

/**
 * 読み取り結果: how the workbook was understood — for every item, each field and the cell it was read from (select
 * one to go there), grouped by form when the workbook holds several. Items open one by one (an accordion), so
 * the list stays short at a task pane's width; fields that need a look are counted on the item's heading.
 */
export function ReadingView({ forms, t, onSelect }: ReadingViewProps) {
  const styles = useStyles();
  const id = React.useId();
  const [current, setCurrent] = React.useState<string | null>(null);
  const items = forms.reduce((n, form) => n + form.items.length, 0);
  const several = forms.length > 1;
  const select = (field: InspectedField) => {
    if (!field.sheet || !field.cell) return;
    setCurrent(`${field.sheet}!${field.cell}`);
    onSelect(field.sheet, field.cell);
  };
  // Collapsed until opened: the findings come first, the reading is for a closer look.
  return (
    <Accordion collapsible className={styles.root}>
      <AccordionItem value="reading">
        <AccordionHeader as="h2" className={styles.heading}>
          {t.readingHeading}
        </AccordionHeader>
        <AccordionPanel>
          <Text size={200} as="p" className={styles.intro}>
            {t.readingIntro(forms.length, items)}
          </Text>
          <span id={`${id}-hint`} className={styles.hidden}>
            {t.selectHint}
          </span>
          {forms.map((form, f) => {
            const Group = several ? "section" : "div";
            return (
              <Group key={form.name} aria-labelledby={several ? `${id}-form-${f}` : undefined}>
                {several && (
                  <h3 id={`${id}-form-${f}`} className={styles.formHeading}>
                    {t.formHeading(form.name)}
                  </h3>
                )}
                <Accordion multiple collapsible>
                  {form.items.map((item) => (
                    <ItemPanel
                      key={`${item.sheet}!${item.cell}`}
                      item={item}
                      level={several ? "h4" : "h3"}
                      t={t}
                      hintId={`${id}-hint`}
                      current={current}
                      onSelect={select}
                      styles={styles}
                    />
                  ))}
                </Accordion>
              </Group>
            );
          })}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function ItemPanel(props: {
  item: InspectedItem;
  level: "h3" | "h4";
  t: Strings;
  hintId: string;
  current: string | null;
  onSelect: (field: InspectedField) => void;
  styles: Styles;
}) {
  const { item, level, t, hintId, current, onSelect, styles } = props;
  const toCheck = item.fields.filter((field) => NEEDS_A_LOOK.has(field.status)).length;
  return (
    <AccordionItem value={`${item.sheet}!${item.cell}`}>
      <AccordionHeader as={level} size="small" className={styles.itemHeading}>
        <span className={styles.headerText}>
          {t.itemHeading(item.no, item.title)}
          {toCheck > 0 && (
            <Badge appearance="tint" color="warning" size="small">
              {t.needsLook(toCheck)}
            </Badge>
          )}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.list}>
          {item.fields.map((field) => (
            <li key={field.field}>
              <FieldRow field={field} itemSheet={item.sheet} t={t} hintId={hintId} current={current} onSelect={onSelect} styles={styles} />
            </li>
          ))}
        </ul>
      </AccordionPanel>
    </AccordionItem>
  );
}

const NEEDS_A_LOOK = new Set<InspectedField["status"]>(["invalid", "error", "ambiguous", "absent"]);

function FieldRow(props: {
  field: InspectedField;
  itemSheet: string;
  t: Strings;
  hintId: string;
  current: string | null;
  onSelect: (field: InspectedField) => void;
  styles: Styles;
}) {
  const { field, itemSheet, t, hintId, current, onSelect, styles } = props;
  const place = field.cell ? (field.sheet === itemSheet ? field.cell : `${field.sheet}!${field.cell}`) : "—";
  const content = (
    <>
      <span className={styles.label}>{t.fieldLabel(field.field)}</span>
      <span className={styles.cell}>{place}</span>
      <span className={mergeClasses(styles.value, field.status !== "value" && styles.muted)} title={field.value || undefined}>
        {shown(field, t)}
      </span>
    </>
  );
  if (!field.sheet || !field.cell) {
    return (
      <div className={styles.field} data-field={field.field}>
        {content}
      </div>
    );
  }
  const isCurrent = current === `${field.sheet}!${field.cell}`;
  return (
    <button
      type="button"
      className={mergeClasses(styles.field, styles.clickable, isCurrent && styles.current)}
      aria-describedby={hintId}
      aria-current={isCurrent ? "true" : undefined}
      data-field={field.field}
      data-sheet={field.sheet}
      data-cell={field.cell}
      onClick={() => onSelect(field)}
    >
      {content}
    </button>
  );
}

function shown(field: InspectedField, t: Strings): string {
  switch (field.status) {
    case "value":
      return field.value;
    case "ambiguous":
      return `？ ${t.ambiguousStatus(field.ambiguous?.reason ?? "none", field.ambiguous?.cells.join("・") ?? "")}`;
    case "invalid":
    case "error":
      return `${field.value}（${t.readStatus(field.status)}）`;
    default:
      return `（${t.readStatus(field.status)}）`;
  }
}
