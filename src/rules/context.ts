import type { Finding, Item, Phase } from "../model";
import type { TemplateProfile } from "../template/profile";
import type { FormInfo } from "../template/reader";

export interface RuleContext {
  items: readonly Item[];
  form: FormInfo;
  phase: Phase;
  profile: TemplateProfile;
}

/** A rule: a pure function from the items read to its findings. */
export type Rule = (ctx: RuleContext) => Finding[];
