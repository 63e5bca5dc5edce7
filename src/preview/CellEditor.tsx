import * as React from "react";
import { Button, Input, Label, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens } from "@fluentui/react-components";
import type { GridCell } from "./GridView";

export interface CellEditorText {
  cell: string;
  value: string;
  choices: string;
  choose: string;
  commit: string;
  undo: string;
  pick: string;
  refused: string;
}

/** What Excel answered to an entry: taken or not, and the validation alert it showed. */
export interface Entered {
  accepted: boolean;
  alert: { style: string; title: string; message: string } | null;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  field: { display: "flex", flexDirection: "column", rowGap: "2px" },
  address: { minWidth: "90px", fontFamily: "monospace", padding: "5px 8px", border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  value: { flex: "1 1 240px", display: "flex", flexDirection: "column", rowGap: "2px" },
  prompt: {
    alignSelf: "flex-start",
    maxWidth: "420px",
    padding: "4px 8px",
    backgroundColor: "#ffffe1",
    color: "#000000",
    border: "1px solid #767676",
    whiteSpace: "pre-wrap",
    fontSize: tokens.fontSizeBase200,
  },
  promptTitle: { fontWeight: tokens.fontWeightSemibold, display: "block" },
});

/**
 * The preview's formula bar: the selected cell's address and value, an edit box (Enter writes the value as if
 * typed into the cell, Escape takes the edit back), the cell's list when it has data validation (as Excel's
 * in-cell dropdown), its input message, the alert Excel shows for a value outside the list, and 元に戻す.
 */
export function CellEditor(props: {
  sheet: string | null;
  address: string | null;
  cell: GridCell | null;
  canUndo: boolean;
  onCommit: (text: string) => Entered;
  onUndo: () => void;
  text: CellEditorText;
}) {
  const { sheet, address, cell, canUndo, onCommit, onUndo, text } = props;
  const styles = useStyles();
  const id = React.useId();
  const shown = cell?.text ?? "";
  const [value, setValue] = React.useState(shown);
  const [alert, setAlert] = React.useState<(NonNullable<Entered["alert"]> & { refused: boolean }) | null>(null);
  React.useEffect(() => {
    setValue(shown);
  }, [sheet, address, shown]);
  React.useEffect(() => setAlert(null), [sheet, address]);

  const commit = (next: string) => {
    if (!address) return;
    const result = onCommit(next);
    setAlert(result.alert ? { ...result.alert, refused: !result.accepted } : null);
    if (!result.accepted) setValue(shown);
  };

  return (
    <div className={styles.root} data-testid="cell-editor">
      <div className={styles.bar}>
        <div className={styles.field}>
          <Label size="small" id={`${id}-cell`}>
            {text.cell}
          </Label>
          <output className={styles.address} aria-labelledby={`${id}-cell`} data-testid="editor-address">
            {address ?? "—"}
          </output>
        </div>
        <div className={styles.value}>
          <Label size="small" htmlFor={`${id}-value`}>
            {text.value}
          </Label>
          <Input
            id={`${id}-value`}
            value={value}
            disabled={!address}
            placeholder={address ? undefined : text.pick}
            onChange={(_, data) => setValue(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                commit(value);
              } else if (event.key === "Escape") setValue(shown);
            }}
          />
        </div>
        {cell?.list && (
          <div className={styles.field}>
            <Label size="small" htmlFor={`${id}-choices`}>
              {text.choices}
            </Label>
            <Select
              id={`${id}-choices`}
              value=""
              onChange={(_, data) => {
                if (data.value) {
                  setValue(data.value);
                  commit(data.value);
                }
              }}
            >
              <option value="">{text.choose}</option>
              {cell.list.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </Select>
          </div>
        )}
        <Button onClick={() => commit(value)} disabled={!address}>
          {text.commit}
        </Button>
        <Button onClick={onUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
          {text.undo}
        </Button>
      </div>
      {cell?.prompt && (
        <div className={styles.prompt} role="note" data-testid="input-message">
          {cell.prompt.title && <span className={styles.promptTitle}>{cell.prompt.title}</span>}
          {cell.prompt.message}
        </div>
      )}
      {alert && (
        <MessageBar intent={alert.refused ? "error" : "warning"} layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{alert.title || text.refused}</MessageBarTitle>
            {alert.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
