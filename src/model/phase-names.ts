/** The three phases' names, in order, without the schema library: `hyoka --help` lists them and loads nothing else. */
export const PHASE_NAMES = ["plan", "midyear", "final"] as const;
