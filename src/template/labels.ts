import { LabelledFieldName, Level, sectionOf, SectionName, TemplateProfile } from "./profile";
import { namedLevels, parseRating } from "./ratings";
import type { Cell } from "./sheet-view";
import { afterLabel, escapeRegExp, hasContent, normalize, rememberedByText } from "./text";

/** Recognises the form's labels and legends in cells. */
export class Labels {
  private readonly itemPattern: RegExp;
  /** The item labels (normalised): a cell holding one alone may head an item with its number beside it. */
  private readonly itemLabels: Set<string>;
  /** The first units of the item labels (normalised): a head starting otherwise is no item heading. Null: any may. */
  private readonly itemStarts: Set<number> | null;
  /** A section label (normalised) → its section; the first section naming it, where two do. */
  private readonly sectionOfLabel = new Map<string, SectionName>();
  private readonly sectionLabels: [string, SectionName][];
  private readonly fieldLabels: string[];
  private readonly titleLabels: string[];
  /** By code unit: 1 where a label may start (its first unit, a fiscal year's for 「当年度…」, a bracket or bullet). */
  private readonly labelStarts = new Uint8Array(0x10000);
  /** Any level word of any scale: a cell naming none of them (most cells) names no level. */
  private readonly levelWord: RegExp;
  /** The scales' level words and tokens, longest first: what a legend prints. */
  private readonly legendPrint: RegExp;
  /** A level's token right before one of its words (「①:達成見込み」, 「(ii)実施できない見込み」): how legends print. */
  private readonly tokenBeforeWord: RegExp;
  private readonly namesNone: Level["value"][][];

  /** The profile's labelled fields, in form order. */
  readonly fields: LabelledFieldName[];
  /** How the printed note after a remark's label starts (※), normalised. */
  private readonly noteStart: string;

  constructor(readonly profile: TemplateProfile) {
    this.fields = Object.keys(profile.fields) as LabelledFieldName[];
    this.noteStart = normalize(profile.remarkNote.start) || "\u0000";
    const itemLabels = profile.itemLabels.map(normalize);
    this.itemLabels = new Set(itemLabels.filter(Boolean));
    // The label (after a bracket or bullet it is printed in), then the number, perhaps after 「：」, 「No.」, 「第」 or in
    // brackets of its own: 【取組項目1】, ■取組項目1, 取組項目：1, 取組項目No.1, 取組項目(1).
    this.itemPattern = new RegExp(`^${DECORATION_START}?(?:${itemLabels.map(escapeRegExp).join("|")})(?::|no\\.?|第)?\\(?(\\d+)`, "u");
    this.itemStarts = itemLabels.includes("") ? null : new Set(itemLabels.flatMap((l) => [l.charCodeAt(0), ...DECORATION.keys()]));
    for (const [section, labels] of Object.entries(profile.sectionLabels)) {
      for (const label of labels.map(normalize)) if (!this.sectionOfLabel.has(label)) this.sectionOfLabel.set(label, section as SectionName);
    }
    this.sectionLabels = [...this.sectionOfLabel];
    this.titleLabels = profile.title.labels.map(normalize).filter(Boolean);
    this.fieldLabels = Object.values(profile.fields).flatMap((rule) => (rule.labels ?? []).map(normalize));
    for (const label of [...this.fieldLabels, ...this.sectionOfLabel.keys()]) {
      this.labelStarts[label.charCodeAt(0)] = 1;
      if (label.startsWith(THIS_YEAR)) YEAR_START.forEach((start, code) => (this.labelStarts[code] |= start));
    }
    DECORATIVE.forEach((decorative, code) => (this.labelStarts[code] |= decorative));
    const scales = Object.values(profile.scales);
    const levelWords = scales.flatMap((scale) => scale.levels.flatMap((level) => level.words.map(normalize)));
    this.levelWord = levelWords.length ? new RegExp(levelWords.map(escapeRegExp).join("|"), "u") : /(?!)/u;
    const levelTokens = scales.flatMap((scale) => scale.levels.flatMap((level) => level.tokens.map(normalize)));
    const print = [...levelWords, ...levelTokens].filter(Boolean).sort((a, b) => b.length - a.length);
    this.legendPrint = print.length ? new RegExp(print.map(escapeRegExp).join("|"), "gu") : /(?!)/gu;
    const pairs = scales.flatMap((scale) =>
      scale.levels.flatMap((level) => {
        const words = level.words.map(normalize).filter(Boolean).map(escapeRegExp).join("|");
        return words ? level.tokens.map(normalize).filter(Boolean).map((token) => `${escapeRegExp(token)}\\)?[:.、]?(?:${words})`) : [];
      }),
    );
    this.tokenBeforeWord = pairs.length ? new RegExp(pairs.join("|"), "u") : /(?!)/u;
    this.namesNone = scales.map(() => []);
  }

  /**
   * The heading's number where the heading prints its label and number in cells of their own (「取組項目」 | 「1」):
   * `cell` is the label alone, `next` the next cell in its row, holding a whole number and nothing else.
   */
  itemNumberBeside(cell: Cell, next: Cell | undefined): number | null {
    if (!next || next.row !== cell.row || !this.itemLabels.has(cell.head)) return null;
    const m = /^\d{1,9}$/.exec(next.head);
    return m ? Number(m[0]) : null;
  }

  itemNumber(cell: Cell): number | null {
    if (this.itemStarts && !this.itemStarts.has(cell.head.charCodeAt(0))) return null;
    const m = this.itemPattern.exec(cell.head);
    if (!m) return null;
    // 「取組項目3と連携して…」 is a sentence about item 3, not its heading: a heading's number ends the text or is
    // followed by a space, a bracket, ★ or a colon.
    const rest = afterItemNumber(cell.text);
    return rest !== null && !HEADING_AFTER_NUMBER.test(AFTER_CLOSE.exec(rest)![1]) ? null : Number(m[1]);
  }

  section(cell: Cell): SectionName | null {
    const known = (cell.known ??= {});
    if (known.section === undefined) {
      const { head } = cell;
      const close = decorationOf(head);
      // The label alone, or inside its bullet or brackets (「【計画】」).
      const bare = close === undefined ? null : close === "" ? head.slice(1) : head.endsWith(close) ? head.slice(1, -close.length) : null;
      known.section = this.sectionOfLabel.get(head) ?? (bare === null ? undefined : this.sectionOfLabel.get(bare)) ?? this.annotatedSection(head);
    }
    return known.section;
  }

  /** A section label with an annotation after it (「自己評価（年度末）」, 「中間振り返り：」): its section, else null. */
  private annotatedSection(head: string): SectionName | null {
    if (!this.mayStartLabel(head)) return null;
    for (const [label, section] of this.sectionLabels) {
      if (head.length <= label.length) continue;
      const length = labelLength(head, label);
      if (length > 0 && length < head.length && head.slice(length).replace(LABEL_PUNCTUATION, "") === "") return section;
    }
    return null;
  }

  /**
   * The words after a title label that `text` starts with (「取組名：歳出の削減」 → 「歳出の削減」, 「【取組名】」 → ""), the
   * separator left out; null where it starts with none.
   */
  afterTitleLabel(text: string): string | null {
    const head = normalize(text.length > TITLE_LABEL_HEAD ? text.slice(0, TITLE_LABEL_HEAD) : text);
    for (const label of this.titleLabels) {
      const length = labelLength(head, label);
      if (length >= 0) return (afterLabel(text, head.slice(0, length)) ?? "").replace(LABEL_SEPARATOR, "").trim();
    }
    return null;
  }

  /** The field label `cell` starts with, if any. */
  fieldLabel(cell: Cell, candidates = this.fieldLabels): string | null {
    if (!this.mayStartLabel(cell.head)) return null;
    for (const label of candidates) if (labelLength(cell.head, label) >= 0) return label;
    return null;
  }

  /** Whether a head's first unit may start a field or section label (most cells' does not: one look, not one per label). */
  mayStartLabel(head: string): boolean {
    return this.labelStarts[head.charCodeAt(0)] === 1;
  }

  /**
   * The cell is structural only for the field label it starts with, and has words of its own after it (not only a
   * colon, brackets or the printed ※ note): what a person may have written, such as a remark that repeats its label.
   */
  answerAfterLabel(cell: Cell): boolean {
    const known = (cell.known ??= {});
    return (known.answer ??= this.wordsAfterLabel(cell));
  }

  private wordsAfterLabel(cell: Cell): boolean {
    const label = this.fieldLabel(cell);
    if (label === null || this.section(cell) !== null || this.itemNumber(cell) !== null) return false;
    if (this.levelsNamed(cell).some((l) => l.length >= 2)) return false;
    const rest = cell.head.slice(labelLength(cell.head, label)).replace(LABEL_PUNCTUATION, "");
    return !rest.startsWith(this.noteStart) && hasContent(rest);
  }

  /** Item headings, section and field labels, legends: the form's own print, never a value. */
  isStructural(cell: Cell): boolean {
    const known = (cell.known ??= {});
    return (known.structural ??=
      this.section(cell) !== null ||
      this.fieldLabel(cell) !== null ||
      this.levelsNamed(cell).some((l) => l.length >= 2) ||
      this.itemNumber(cell) !== null);
  }

  /** A field's labels, as written and normalised once. */
  readonly labelsOf = memo((field: LabelledFieldName) =>
    (this.profile.fields[field].labels ?? []).map((label) => ({ label, norm: normalize(label) })),
  );

  private readonly scaleIndex = memo((scale: string) => Object.keys(this.profile.scales).indexOf(scale));

  /** The cell names a level of the named scale as a legend prints it (a whole legend, or one option of it). */
  namesLevelOf(cell: Cell, scale: string): boolean {
    return (this.levelsNamed(cell)[this.scaleIndex(scale)]?.length ?? 0) >= 1;
  }

  /** The cell is a legend of the named scale (「①:達成見込み ②:達成できない見込み」). */
  isLegendOf(cell: Cell, scale: string): boolean {
    return (this.levelsNamed(cell)[this.scaleIndex(scale)]?.length ?? 0) >= 2;
  }

  /**
   * For each scale, the levels the cell's words name. Legends are short: the head is enough. A legend prints a
   * level's token before its word (「①:達成見込み ②:達成できない見込み（いずれかを記入）」) or little besides the words; a
   * text that does neither (「一部は達成できない見込みだが、全体としては達成見込み」, a remark) names none: it is an
   * answer, not the form's print.
   */
  levelsNamed(cell: Cell): Level["value"][][] {
    const known = (cell.known ??= {});
    return (known.levels ??= this.levelsOfHead(cell.head));
  }

  /** levelsNamed by the head's text, remembered (bounded): every item prints the same legends. */
  private readonly levelsOfHead = rememberedByText(4096, (head): Level["value"][][] =>
    this.levelWord.test(head) && (this.tokenBeforeWord.test(head) || this.onlyLegendWords(head))
      ? Object.keys(this.profile.scales).map((scale) => namedLevels(head, this.profile.scales[scale]))
      : this.namesNone,
  );

  /** At most LEGEND_OTHER_LETTERS letters or digits besides the scales' words and tokens (a caption: 凡例). */
  private onlyLegendWords(head: string): boolean {
    let others = 0;
    for (const _ of head.replace(this.legendPrint, "").matchAll(LETTER_OR_DIGIT)) if (++others > LEGEND_OTHER_LETTERS) return false;
    return true;
  }

  /**
   * The cell and the one after it (to its right or below) print one legend split over two cells
   * (「①:達成見込み」「②:達成できない見込み」): each names another level of the same scale.
   */
  isHalfLegend(cell: Cell, next: Cell | undefined): boolean {
    if (!next) return false;
    const here = this.levelsNamed(cell);
    const there = this.levelsNamed(next);
    return here.some((levels, scale) => levels.length === 1 && there[scale]?.length === 1 && there[scale][0] !== levels[0]);
  }

  /**
   * The achievement level a remark's printed note names (「②」 → 2; a note naming none: 「②」's); null when it names
   * one the scale does not offer (「③」). Every item of a form prints the same note: each is read once.
   */
  readonly remarkLevel = memo((note: string): 1 | 2 | null => {
    const named = /「([^」]*)」/.exec(note)?.[1];
    if (named === undefined) return REMARK_LEVEL_DEFAULT;
    const parsed = parseRating(named, this.profile.scales[this.profile.fields["final.achievement"].scale!], this.profile);
    return parsed.kind === "value" && (parsed.value === 1 || parsed.value === 2) ? parsed.value : null;
  });

  /** Labels that belong to one section only, so that their row tells where that section starts. */
  readonly sectionMarkers = memo((section: SectionName): string[] => {
    const own = (s: SectionName) =>
      (Object.entries(this.profile.fields) as [LabelledFieldName, { labels?: string[] }][])
        .filter(([f]) => sectionOf(f) === s)
        .flatMap(([, rule]) => (rule.labels ?? []).map(normalize));
    const others = (["plan", "midyear", "final"] as SectionName[]).filter((s) => s !== section).flatMap(own);
    return own(section).filter((l) => !others.includes(l));
  });
}

/** The level whose 課題と改善策 is required where the form prints no note saying otherwise: ②. */
export const REMARK_LEVEL_DEFAULT: 1 | 2 = 2;

/** The label and number of an item heading as written (全角 digits too, 「取組項目 1 1」 is 11). */
const ITEM_NUMBER = /^[^0-9０-９]*[0-9０-９]+(?:\s+[0-9０-９]+)*/u;

/** The text after an item heading's label and number, as written; null where it has no number. */
export function afterItemNumber(text: string): string | null {
  const m = ITEM_NUMBER.exec(text);
  return m ? text.slice(m[0].length) : null;
}

/** A bracket that closes a heading printed in brackets (【取組項目1】, 取組項目(1)). */
export const HEADING_CLOSE = "[)）】\\]］〕〉》>＞」』]";
/** What follows a heading's number, past its closing bracket: 「取組項目(2)の課題」 is a sentence, not a heading. */
const AFTER_CLOSE = new RegExp(`^${HEADING_CLOSE}?(.?)`, "u");
const HEADING_AFTER_NUMBER = /^(?:|\s|[【\[［(（<＜「『★☆:：.．、])$/u;

/** Punctuation and brackets around what follows a label (normalised: 「：」 is ":"), and bracketed annotations. */
const LABEL_PUNCTUATION = /^(?:[:.、]|\([^()]*\)|【[^【】]*】|\[[^[\]]*\])+/u;

/** A title label and what stands between it and the title. */
const TITLE_LABEL_HEAD = 16;
const LABEL_SEPARATOR = /^[\s:：]+/u;

/** Letters or digits a legend may print besides its level words and tokens: a caption (凡例, 選択肢). */
const LEGEND_OTHER_LETTERS = 3;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * What a printed label may start with, by character code: an opening bracket it stands in (【当年度の取組内容】, ［計画］)
 * with its closing one, or a bullet (■取組の方針・目標内容) with "".
 */
const DECORATION = new Map<number, string>([
  ...Object.entries({ "【": "】", "[": "]", "〔": "〕", "〈": "〉", "《": "》", "<": ">", "「": "」", "『": "』" }).map(([open, close]) => [open.charCodeAt(0), close] as const),
  ...Array.from("■□◆◇●○◎▼▽▶►•", (bullet) => [bullet.charCodeAt(0), ""] as const),
]);
/** One of DECORATION's openings or bullets, as an expression. */
const DECORATION_START = `[${Array.from(DECORATION.keys(), (code) => escapeRegExp(String.fromCharCode(code))).join("")}]`;
/** DECORATION's keys as a table: asked for every label and cell, most of which start otherwise. */
const DECORATIVE = new Uint8Array(0x10000);
for (const code of DECORATION.keys()) DECORATIVE[code] = 1;

/** The closing bracket of the bracket `head` starts with, "" after a bullet, undefined where it starts otherwise. */
function decorationOf(head: string): string | undefined {
  const first = head.charCodeAt(0);
  return DECORATIVE[first] === 1 ? DECORATION.get(first) : undefined;
}

/**
 * How many units of `head` (normalised) the label `label` (normalised) takes where the head starts with it: the label
 * itself, after a bullet, or inside brackets of its own (the closing one counted); -1 where it does not start so.
 */
export function labelLength(head: string, label: string): number {
  const plain = labelEnd(head, 0, label);
  if (plain >= 0) return plain;
  const close = decorationOf(head);
  const end = close === undefined ? -1 : labelEnd(head, 1, label);
  if (end < 0) return -1;
  if (close === "") return end;
  return head.startsWith(close!, end) ? end + close!.length : -1;
}

/**
 * Where `label` ends when `head` prints it from `at`, else -1. Forms word a label a little differently: with or
 * without の, と, ・ and 及び (「取組方針・目標内容」, 「目標達成見込み」, 「課題及び改善策」), and a label's 「当年度」
 * also stands for the fiscal year named otherwise (「今年度の取組内容」, 「令和2年度の取組内容」, 「R2年度…」, 「2020年度…」).
 */
function labelEnd(head: string, at: number, label: string): number {
  // Most cells start otherwise than any label: one comparison each.
  const first = head.charCodeAt(at);
  if (first === label.charCodeAt(0)) return head.startsWith(label, at) ? at + label.length : looseEnd(head, at, label);
  if (YEAR_START[first] !== 1 || !label.startsWith(THIS_YEAR)) return -1;
  FISCAL_YEAR.lastIndex = at;
  const year = FISCAL_YEAR.exec(head);
  const from = year ? at + year[0].length : -1;
  return from >= 0 && head.charCodeAt(from) === label.charCodeAt(THIS_YEAR.length) ? looseEnd(head, from, label.slice(THIS_YEAR.length)) : -1;
}

/** `label` from `at` in `head`, either leaving out a particle the other has (PARTICLES): where it ends, else -1. */
function looseEnd(head: string, at: number, label: string): number {
  let h = at;
  let l = 0;
  while (l < label.length) {
    if (head[h] === label[l]) {
      h++;
      l++;
      continue;
    }
    const headSkip = particleEnd(head, h);
    const labelSkip = particleEnd(label, l);
    if (headSkip === h && labelSkip === l) return -1;
    h = headSkip;
    l = labelSkip;
  }
  return h;
}

/** The end of the particle at `i`, else `i`. */
function particleEnd(text: string, i: number): number {
  if (PARTICLE_START[text.charCodeAt(i)] !== 1) return i;
  for (const particle of PARTICLES) if (text.startsWith(particle, i)) return i + particle.length;
  return i;
}

const PARTICLES = ["および", "及び", "の", "と", "・"];
const PARTICLE_START = new Uint8Array(0x10000);
for (const particle of PARTICLES) PARTICLE_START[particle.charCodeAt(0)] = 1;
const THIS_YEAR = "当年度";
/** A fiscal year as a label may name it, normalised; YEAR_START: the units it may start with. */
const FISCAL_YEAR = /(?:今|本|(?:令和|平成|r|h)(?:元|\d{1,2})|(?:19|20)\d{2})年度/y;
const YEAR_START = new Uint8Array(0x10000);
for (const c of "今本令平rh12") YEAR_START[c.charCodeAt(0)] = 1;

export function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}
