import { shorthands, tokens } from "@fluentui/react-components";

/** An entry of a list the pane shows as a card (a finding, a field): a button's own look reset to the card's. */
export const ENTRY = {
  width: "100%",
  boxSizing: "border-box",
  textAlign: "start",
  font: "inherit",
  color: tokens.colorNeutralForeground1,
  backgroundColor: tokens.colorNeutralBackground1,
  ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  borderRadius: tokens.borderRadiusMedium,
} as const;

/** Read by screen readers, not shown. */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
