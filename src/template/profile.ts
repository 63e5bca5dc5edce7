import { z } from "zod";
import { FieldName } from "../model";

/**
 * The template profile: everything the reader knows about the form, as data. Users may override any
 * part of it with `--profile file.json`; what they leave out keeps the default.
 */

const LevelValue = z.union([z.literal(1), z.literal(2), z.literal("i"), z.literal("ii")]);

const Level = z.object({
  value: LevelValue,
  /** Short marks: "1" also matches ①, １, (1), （１）; "ii" matches ⅱ, (ii), （ｉｉ）. */
  tokens: z.array(z.string()).min(1),
  /** Words that mean the level on their own, e.g. 達成見込み, 目標達成. */
  words: z.array(z.string()),
});
export type Level = z.infer<typeof Level>;

const Scale = z.object({ levels: z.array(Level).min(2) });
export type Scale = z.infer<typeof Scale>;

const SectionName = z.enum(["plan", "midyear", "final"]);
export type SectionName = z.infer<typeof SectionName>;

/**
 * Where a field's value may stand relative to its anchor (label or legend): "inline" is the rest of the label's
 * own cell (「取組の方針・目標内容 (趣旨・目的)…」), the others the neighbouring cell that way, across merged areas
 * and over entirely blank spacer rows and columns.
 */
export const Direction = z.enum(["inline", "right", "below", "left", "above"]);
export type Direction = z.infer<typeof Direction>;

/** The single placements of earlier profiles, still accepted in user profiles. */
const LEGACY_PLACEMENTS: Record<string, Direction[]> = {
  "inline-or-below": ["inline", "below"],
  right: ["right"],
  above: ["above"],
};

/** The directions to look in, in order of preference: the reader takes the first that holds a fitting value. */
const Placement = z.union([
  z.array(Direction).min(1),
  z.enum(["inline-or-below", "right", "above"]).transform((legacy) => LEGACY_PLACEMENTS[legacy]),
]);
export type Placement = z.infer<typeof Placement>;

const FieldRule = z
  .object({
    /** Label texts (any one matches, white space ignored); the anchor is the label cell. */
    labels: z.array(z.string()).min(1).optional(),
    /** Or: the anchor is the legend of this scale within the field's section. */
    legendOf: z.string().optional(),
    placement: Placement,
    /** Rating fields: the scale their value is read with. */
    scale: z.string().optional(),
  })
  .refine((rule) => Boolean(rule.labels) !== Boolean(rule.legendOf), {
    message: "a field has either labels or legendOf",
  });
export type FieldRule = z.infer<typeof FieldRule>;

const Words = z.array(z.string());

/** Words that give a target its comparator (src/template/targets.ts reads them). */
const TargetComparators = z.object({
  /** Right after a value: 「25%以上」, 「7.2%減」, 「10%増加」. */
  afterValue: z.object({ gte: Words, lte: Words, decrease: Words, increase: Words }),
  /**
   * Anywhere in a phrase without a value (「前年度以上」, 「対前年度比減」, 「発生ゼロ」): zero first, then gte/lte, then
   * decrease/increase, each group's first word written. A one-character decrease or increase word (減, 増) counts
   * only at the start or after a space, 比, % or a digit.
   */
  inPhrase: z.object({ zero: Words, gte: Words, lte: Words, decrease: Words, increase: Words }),
});

/** Every field but the title, which is read from its 【】 and has no label. */
const LabelledFieldName = FieldName.exclude(["title"]);
export type LabelledFieldName = z.infer<typeof LabelledFieldName>;

export const TemplateProfile = z.object({
  name: z.string(),
  /** The line that starts an item: the label followed by its number (取組項目 11). */
  itemLabels: z.array(z.string()).min(1),
  /**
   * The title's brackets (【】), and others a ward may print it in (［］…), tried in order where no 【 is found; the
   * labels a form may print before it (「取組名」 | 「歳出の削減」, 「取組名：歳出の削減」), never the title themselves.
   */
  title: z.object({
    open: z.string(),
    close: z.string(),
    star: z.string(),
    otherBrackets: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
    labels: z.array(z.string().min(1)),
  }),
  sectionLabels: z.record(SectionName, z.array(z.string())),
  fields: z.record(LabelledFieldName, FieldRule),
  scales: z.record(z.string(), Scale),
  /**
   * Marks before a legend's option (compared after NFKC): `ticked` chooses it (☑①目標達成 ☐②目標未達成, ■/□),
   * `open` leaves it. A rating left blank beside a legend with one option ticked is that option.
   */
  checkMarks: z.object({ ticked: z.array(z.string().min(1)), open: z.array(z.string().min(1)) }),
  /** Cell texts that mean "nothing written". */
  emptyValues: z.array(z.string()),
  /** Cell texts that mean "not applicable this year" (対象外). */
  notApplicableValues: z.array(z.string()),
  /** The printed note after 課題と改善策 that names the rating which makes it required. */
  remarkNote: z.object({ start: z.string(), end: z.string() }),
  /** The marker before the targets inside a plan field. */
  targetMarkers: z.array(z.string()).min(1),
  /**
   * Section markers that end a (目標) part, without their brackets (「取組の内容」 ends at 「(取組の内容)」), compared like
   * the markers (NFKC, no spaces). Asides such as (25年度比), (令和元年度), (公表ベース) stay inside the target text.
   */
  targetSections: Words,
  /** A target value's units as NFKC writes them, each with the unit it is counted in (ヶ所 → か所, トン → t). */
  targetUnits: z.record(z.string(), z.string()),
  targetComparators: TargetComparators,
  /** Sheet names (regular expressions) that are never read as items: covers, other 様式, our summaries. */
  ignoreSheets: z.array(z.string()),
});
export type TemplateProfile = z.infer<typeof TemplateProfile>;

const TEXT_PLACEMENT: Direction[] = ["inline", "below", "right"];

export const defaultProfile: TemplateProfile = {
  name: "大阪市 区運営 「市政改革プラン」に基づく取組等",
  itemLabels: ["取組項目"],
  title: {
    open: "【",
    close: "】",
    star: "★",
    otherBrackets: [["［", "］"], ["[", "]"], ["〔", "〕"], ["《", "》"], ["≪", "≫"], ["〈", "〉"], ["＜", "＞"]],
    labels: ["取組名", "取組項目名", "項目名", "タイトル"],
  },
  sectionLabels: {
    plan: ["計画"],
    midyear: ["中間振り返り"],
    final: ["自己評価"],
  },
  fields: {
    "plan.policy": { labels: ["取組の方針・目標内容", "取組の方針・目標"], placement: TEXT_PLACEMENT },
    "plan.thisYear": { labels: ["当年度の取組内容"], placement: TEXT_PLACEMENT },
    "midyear.implementation": { labels: ["取組内容の実施見込み", "取組の実施見込み"], placement: ["right", "below", "inline"], scale: "implementation" },
    "midyear.achievement": { labels: ["目標の達成見込み"], placement: ["right", "below", "inline"], scale: "achievement" },
    "midyear.remark": { labels: ["課題と改善策"], placement: TEXT_PLACEMENT },
    "final.result": { labels: ["当年度の取組実績及び目標の達成状況", "取組実績及び目標の達成状況"], placement: TEXT_PLACEMENT },
    // The form prints the value above the legend; other hands put it beside it (value | legend, as the mid-year rows do).
    "final.achievement": { legendOf: "achievement", placement: ["above", "left", "right", "below"], scale: "achievement" },
    "final.remark": { labels: ["課題と改善策"], placement: TEXT_PLACEMENT },
  },
  scales: {
    implementation: {
      levels: [
        { value: "i", tokens: ["i"], words: ["実施見込み"] },
        { value: "ii", tokens: ["ii"], words: ["実施できない見込み"] },
      ],
    },
    achievement: {
      levels: [
        { value: 1, tokens: ["1"], words: ["達成見込み", "目標達成"] },
        { value: 2, tokens: ["2"], words: ["達成できない見込み", "目標未達成"] },
      ],
    },
  },
  checkMarks: { ticked: ["☑", "☒", "✓", "✔", "■", "●", "◉"], open: ["☐", "□", "○", "◯"] },
  emptyValues: ["", "—", "―", "-", "‐", "–", "ー", "－"],
  notApplicableValues: ["対象外", "該当なし", "N/A", "NA"],
  remarkNote: { start: "※", end: "必須" },
  targetMarkers: ["(目標)", "(目標値)", "(数値目標)"],
  targetSections: [
    "趣旨・目的", "趣旨", "目的", "取組の概要", "取組概要", "概要", "取組の内容", "取組内容", "取組の方針", "方針",
    "具体的取組", "具体的な取組", "取組実績", "実績", "成果", "参考", "備考", "課題", "改善策", "評価", "目標",
  ],
  targetUnits: {
    "%": "%", パーセント: "%", ポイント: "ポイント", pt: "ポイント", 円: "円", 回: "回", 件: "件", 人: "人", 名: "名",
    人日: "人日", か所: "か所", カ所: "か所", ヵ所: "か所", ヶ所: "か所", ケ所: "か所", 箇所: "か所", 個所: "か所",
    校: "校", 団体: "団体", 世帯: "世帯", 社: "社", 事業: "事業", 施設: "施設", 地域: "地域", 店舗: "店舗", 日間: "日間",
    時間: "時間", 冊: "冊", 枚: "枚", 台: "台", 戸: "戸", 割: "割", 倍: "倍", 組: "組", 項目: "項目", 講座: "講座",
    トン: "t", t: "t", kg: "kg", kwh: "kWh", kWh: "kWh", m2: "m2", km: "km",
  },
  targetComparators: {
    afterValue: {
      gte: ["以上", "超え", "超", "を超える", "を上回る"],
      lte: ["以下", "未満", "以内", "を下回る"],
      decrease: ["削減", "減少", "縮減", "減"],
      increase: ["増加", "増", "向上", "アップ"],
    },
    inPhrase: {
      zero: ["ゼロ", "零"],
      gte: ["以上", "上回", "超え", "を超"],
      lte: ["以下", "未満", "以内", "下回"],
      decrease: ["削減", "減少", "縮減", "低減", "軽減", "抑制", "減"],
      increase: ["増加", "増大", "向上", "拡大", "上昇", "アップ", "増"],
    },
  },
  ignoreSheets: ["^様式", "^集計", "^検証結果", "^全体集計", "^ファイル別集計"],
};

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function mergeDeep(base: unknown, override: unknown): unknown {
  if (Array.isArray(override) || typeof override !== "object" || override === null) return override;
  if (typeof base !== "object" || base === null || Array.isArray(base)) return override;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = mergeDeep(merged[key], value);
  }
  return merged;
}

/** The default profile with `override` laid over it (arrays replace, objects merge), validated. */
export function resolveProfile(override?: DeepPartial<TemplateProfile> | unknown): TemplateProfile {
  if (override === undefined) return defaultProfile;
  return TemplateProfile.parse(mergeDeep(defaultProfile, override));
}

/** The section a labelled field belongs to: its name's first part. */
export function sectionOf(field: LabelledFieldName): SectionName {
  let section = sections.get(field);
  if (section === undefined) sections.set(field, (section = field.slice(0, field.indexOf(".")) as SectionName));
  return section;
}

/** Asked for every field of every item: the field names are few, a slice each time is not. */
const sections = new Map<string, SectionName>();

/** A profile read from a file: the profile, or the one line that says why it cannot be used. */
export type ProfileText = { profile: TemplateProfile; error?: undefined } | { profile?: undefined; error: string };

/**
 * A profile file's text (JSON, laid over the default) → the profile, or the message the CLI prints and the task pane
 * shows: 「プロファイルが正しくありません（fields.final.achievement.placement: …）: profile.json」.
 */
export function profileFromText(text: string, file: string): ProfileText {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { error: `プロファイルが正しくありません（JSON として読めません: ${messageOf(error)}）: ${file}` };
  }
  const parsed = TemplateProfile.safeParse(mergeDeep(defaultProfile, json));
  if (parsed.success) return { profile: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(全体)"}: ${issue.message}`);
  return { error: `プロファイルが正しくありません（${shortLine(issues.join("; "))}）: ${file}` };
}

/** The message when the profile file itself cannot be read (missing, a folder, no permission). */
export function unreadableProfile(file: string): string {
  return `プロファイルを読み込めません: ${file}`;
}

function messageOf(error: unknown): string {
  return shortLine(error instanceof Error ? error.message : String(error));
}

function shortLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
