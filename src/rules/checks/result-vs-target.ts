import { z } from "zod";
import { CellRef, formatRating, phasesFrom, Target } from "../../model";
import { StatedValue, statedValues, TargetWords } from "../../template/targets";
import { allMatches } from "../../template/text";
import { defineRule, FIELD_PARAMS } from "../define";

/**
 * The self-evaluation against the numbers: ① while the value the result states misses a numeric (目標) target,
 * ② while it meets the item's only target. Only what cannot be read two ways is compared: the target has a value,
 * a unit and a direction, names this year or none, and is the item's only target in its unit; the result states
 * exactly one value in that unit that is not the target restated, a baseline, another year or an achievement rate,
 * in a sentence that shares a word with the target.
 */
export const resultVsTarget = defineRule({
  code: "RESULT_VS_TARGET",
  severity: "warning",
  phases: phasesFrom("final"),
  params: {
    ...FIELD_PARAMS,
    rating: z.string(),
    result: z.string(),
    resultValue: z.number(),
    resultCell: z.string(),
    target: z.string(),
    targetValue: z.number(),
    targetCell: z.string(),
  },
  messages: {
    ja: (p) =>
      `取組項目${p.no}の自己評価は${p.rating === "②" ? "②（目標未達成）" : "①（目標達成）"}ですが、実績「${p.result}」（${p.resultCell}）は目標「${p.target}」（${p.targetCell}）${p.rating === "②" ? "を満たしています" : "に達していません"}。自己評価と実績の記載を確認してください。`,
    en: (p) =>
      `Item ${p.no}: the self-evaluation is ${p.rating === "②" ? "② (target not met)" : "① (target met)"}, but the result 「${p.result}」 (${p.resultCell}) ${p.rating === "②" ? "meets" : "falls short of"} the target 「${p.target}」 (${p.targetCell}). Check the rating and the result.`,
  },
  description:
    "final: 自己評価 ① while the value the result states misses a numeric (目標) target, or ② while it meets the only target (same unit, one candidate value, this year)",
  check({ items, form, profile }, report) {
    for (const item of items) {
      const rating = item.final.achievement;
      const resultSource = item.sources["final.result"];
      if ((rating !== 1 && rating !== 2) || !item.final.result || !resultSource) continue;
      if (!item.targets.some((t) => t.value !== null)) continue;
      const goals = goalsOf(item.targets, form.fiscalYear);
      if (!goals.some((goal) => goal.comparable)) continue;
      const stated = statedValues(item.final.result, profile);
      if (stated.length === 0) continue;
      const verdicts = goals.map((goal) => (goal.comparable ? verdict(goal.target, stated, form.fiscalYear) : null));
      // ① says every target was met: each one missed contradicts it. ② says one was not: only a lone target met does.
      const contradicted = rating === 1 ? verdicts.filter((v) => v?.met === false) : verdicts.length === 1 && verdicts[0]?.met ? verdicts : [];
      for (const v of contradicted) {
        if (!v) continue;
        report.item(item, "final.achievement", {
          rating: formatRating(rating),
          result: v.stated.written,
          resultValue: v.stated.value,
          resultCell: place(resultSource),
          target: writtenTarget(v.target, profile),
          targetValue: v.target.value!,
          targetCell: place(item.sources[v.target.field] ?? item),
        });
      }
    }
  },
});

interface Goal {
  target: Target;
  /** Value, unit and direction are known, the phrase is this year's and the only one in its unit. */
  comparable: boolean;
}

/** Words that leave a plain value's direction unclear (「超過勤務 前年度比 10%」) or span years (「3年間で6件」). */
const UNCLEAR = /減|抑制|以下|以内|未満|下回|比|累計|通算|合計|年間|か年|ヵ年|カ年/u;

/** The item's distinct target phrases (the two plan fields often repeat one), each marked comparable or not. */
function goalsOf(targets: readonly Target[], fiscalYear: number | null): Goal[] {
  const distinct = new Map<string, Target>();
  for (const target of targets) {
    const key = `${target.text}|${target.value}|${target.unit}`;
    if (!distinct.has(key)) distinct.set(key, target);
  }
  const perUnit = new Map<string | null, number>();
  for (const { unit } of distinct.values()) perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
  return [...distinct.values()].map((target) => {
    const { value, unit, comparator, year } = target;
    const comparable =
      value !== null &&
      unit !== null &&
      perUnit.get(unit) === 1 &&
      comparator !== null &&
      comparator !== "zero" &&
      !(comparator === "eq" && (value === 0 || UNCLEAR.test(target.text))) &&
      (year === null || fiscalYear === null || year === fiscalYear);
    return { target, comparable };
  });
}

/** 「目標 91.2%」, 「目標収納率は91.2%」: the target restated, not a result. */
const RESTATED = /目標[\p{Script=Han}\p{Script=Katakana}ー]{0,8}\s*[:：はを]?\s*$/u;
/** A value of another time (前年度 90.8%) or a share of the target (達成率 105%); 前年度比 is this year's change. */
const NOT_THE_RESULT = /[前昨]年度?(?![度比])|前回(?!比)|前期(?!比)|従来|達成率|達成度|進捗率/u;

/** The one value the result states for the target, and whether it meets it; null when there is not exactly one. */
function verdict(target: Target, stated: StatedValue[], fiscalYear: number | null): { target: Target; stated: StatedValue; met: boolean } | null {
  const year = target.year ?? fiscalYear;
  const direction = target.comparator === "increase" || target.comparator === "decrease" ? target.comparator : null;
  let words: string[] | null = null;
  const candidates = stated.filter((s) => {
    if (s.unit !== target.unit || s.comparator !== direction || RESTATED.test(s.label) || NOT_THE_RESULT.test(s.label)) return false;
    if (s.years.some((y) => y !== year)) return false;
    words ??= contentWords(target.text);
    return words.length === 0 || words.some((w) => s.sentence.includes(w));
  });
  if (candidates.length === 0 || candidates.some((s) => s.value !== candidates[0].value)) return null;
  const [s] = candidates;
  const met = target.comparator === "lte" ? s.value <= target.value! : s.value >= target.value!;
  return { target, stated: s, met };
}

/** Pairs of kanji or katakana that name what is measured (収納, 納率, 区民, 割合…); the words any target has are left out. */
const RUN = /[\p{Script=Han}\p{Script=Katakana}ー]{2,}/gu;
const GENERIC = new Set(["令和", "和元", "平成", "元年", "年度", "毎年", "目標", "達成", "以上", "以下", "実施", "確保", "前年", "対前"]);

function contentWords(text: string): string[] {
  const words = new Set<string>();
  for (const [run] of allMatches(RUN, text.normalize("NFKC"))) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!GENERIC.has(pair)) words.add(pair);
    }
  }
  return [...words];
}

/** The target's value as its phrase writes it (「1,200万円」, 「25%以上」, 「7.2%減」). */
function writtenTarget(target: Target, words: TargetWords): string {
  const own = statedValues(target.text, words).filter((s) => s.value === target.value && s.unit === target.unit);
  return own.length ? own[own.length - 1].written : `${target.value}${target.unit}`;
}

function place(at: CellRef): string {
  return `${at.sheet}!${at.cell}`;
}
