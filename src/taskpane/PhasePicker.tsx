import * as React from "react";
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { PHASES, Phase } from "../model";
import type { Strings } from "./i18n";

export interface PhasePickerProps {
  value: Phase;
  onChange: (phase: Phase) => void;
  /** The phase read from the workbook, shown as a hint; null while reading or when the read failed. */
  inferred: Phase | null;
  reading: boolean;
  disabled?: boolean;
  t: Strings;
}

/** 計画 / 中間振り返り / 自己評価, defaulting to the phase inferred from the workbook. */
export function PhasePicker({ value, onChange, inferred, reading, disabled, t }: PhasePickerProps) {
  const hint = reading ? t.readingWorkbook : inferred ? t.inferred(inferred) : undefined;
  return (
    <Field label={t.phaseLabel} hint={hint}>
      <RadioGroup
        value={value}
        layout="vertical"
        disabled={disabled}
        onChange={(_event, data) => onChange(data.value as Phase)}
      >
        {PHASES.map((phase) => (
          <Radio key={phase} value={phase} label={t.phase(phase)} />
        ))}
      </RadioGroup>
    </Field>
  );
}
