import { Item, Section, sectionsOf, SECTIONS } from "../model";
import { fiscalYearOf } from "./fiscal-year";
import type { SheetView } from "./sheet-view";

/** What the reader learns about a form itself, beside its items: what the rules read. */
export interface FormInfo {
  /** The plan the form is printed for: 「市政改革プラン2.0」, 「新・市政改革プラン」. */
  plan: string | null;
  /** The fiscal year of the headings, as the Gregorian year it starts in (令和元年度 → 2019). */
  fiscalYear: number | null;
  /** The first printed 「※左記が「③」の場合は必須」 that names a rating the scale does not offer. */
  noteMismatch: { note: string; sheet: string; cell: string } | null;
}

/**
 * One form of a workbook: the sheets of one ward's (or one office's) 取組項目, numbered from 1. A book that
 * gathers the 24 wards' forms holds 24 of them; a book with a sheet per item holds one.
 */
export interface Form extends FormInfo {
  /** The ward the heading names (天王寺区), else the form's first sheet; unique within the workbook. */
  name: string;
  sheets: string[];
  /** The sections (計画, 中間振り返り, 自己評価) any item of the form has. */
  sections: Section[];
  itemCount: number;
}

/** The plan and fiscal year printed above a sheet's first item, and the ward it names. */
export interface SheetHeading {
  plan: string | null;
  fiscalYear: number | null;
  ward: string | null;
}

const PLAN_NAME = /新・市政改革プラン|市政改革プラン\s*\d+(?:\.\d+)?/u;
/** 「令和元年度 天王寺区」: a word of its own that ends in 区 (or 区役所); 「（区運営）」 is not one. */
const WARD = /(?:^|\s)([^\s「」『』()【】]{1,6}?区)(?:役所)?(?=\s|$)/u;

/** The headings in rows `view.top`..`bottom` (「市政改革プラン2.0」に基づく取組等, 令和元年度 天王寺区). */
export function readSheetHeading(view: SheetView, bottom: number): SheetHeading {
  const heading: SheetHeading = { plan: null, fiscalYear: null, ward: null };
  for (const cell of view.cellsIn(view.top, bottom)) {
    const text = cell.text.normalize("NFKC");
    heading.plan ??= PLAN_NAME.exec(text)?.[0].replace(/\s+/g, "") ?? null;
    heading.fiscalYear ??= fiscalYearOf(text);
    heading.ward ??= WARD.exec(text)?.[1] ?? null;
  }
  return heading;
}

/**
 * Gathers item sheets into forms, in sheet order. A sheet starts a new form when its numbering starts again
 * (its first item number is not above the last one so far) or its heading names another form (another ward, plan
 * or year); otherwise it continues the form before it (a book with a sheet per item is one form).
 */
export class FormGatherer {
  readonly forms: Form[] = [];
  private current: { form: Form; last: number; heading: string | null } | null = null;
  /** Headings on sheets without items (a cover): for forms whose own sheets print none. */
  private readonly book: SheetHeading = { plan: null, fiscalYear: null, ward: null };

  /** A sheet without items: only its headings count. */
  addHeadingOnly(heading: SheetHeading): void {
    this.book.plan ??= heading.plan;
    this.book.fiscalYear ??= heading.fiscalYear;
  }

  /** The form the sheet's items belong to. */
  formFor(sheet: string, heading: SheetHeading, firstNo: number): Form {
    const key = heading.plan || heading.fiscalYear || heading.ward ? `${heading.plan}|${heading.fiscalYear}|${heading.ward}` : null;
    const current = this.current;
    const continues = current && firstNo > current.last && (key === null || current.heading === null || key === current.heading);
    if (continues) {
      current.form.sheets.push(sheet);
      current.form.plan ??= heading.plan;
      current.form.fiscalYear ??= heading.fiscalYear;
      current.heading ??= key;
      return current.form;
    }
    const form: Form = {
      name: this.uniqueName(heading.ward ?? sheet, sheet),
      sheets: [sheet],
      plan: heading.plan,
      fiscalYear: heading.fiscalYear,
      noteMismatch: null,
      sections: [],
      itemCount: 0,
    };
    this.forms.push(form);
    this.current = { form, last: 0, heading: key };
    return form;
  }

  /** Counts an item read into the current form. */
  add(item: Item): void {
    const { form } = this.current!;
    form.itemCount++;
    for (const section of sectionsOf(item)) if (!form.sections.includes(section)) form.sections.push(section);
    this.current!.last = Math.max(this.current!.last, item.no);
  }

  /** The forms, with the book's headings where a form's own sheets print none, sections in form order. */
  finish(): Form[] {
    for (const form of this.forms) {
      form.plan ??= this.book.plan;
      form.fiscalYear ??= this.book.fiscalYear;
      form.sections = SECTIONS.filter((s) => form.sections.includes(s));
    }
    return this.forms;
  }

  private uniqueName(name: string, sheet: string): string {
    const taken = (n: string) => this.forms.some((f) => f.name === n);
    if (!taken(name)) return name;
    if (!taken(`${name}（${sheet}）`)) return `${name}（${sheet}）`;
    let n = 2;
    while (taken(`${name}（${n}）`)) n++;
    return `${name}（${n}）`;
  }
}
