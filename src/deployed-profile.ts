import { defaultProfile, profileFromText, TemplateProfile, unreadableProfile } from "./template/profile";

/** The file a deployment puts beside the task pane (`HYOKA_PROFILE=path npm run build` copies it into dist/). */
export const PROFILE_FILE = "profile.json";

/** The profile the add-in reads workbooks with, and where it came from. */
export interface DeployedProfile {
  profile: TemplateProfile;
  /** profile.json, or null when the deployment ships none (the built-in profile). */
  file: string | null;
  /** Why the shipped profile cannot be used (the CLI's message): the built-in profile is used instead. */
  error: string | null;
}

type Fetch = (url: string, init?: { cache?: "no-cache" }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * The profile shipped beside the page, fetched from the page's own folder (no-cache: an administrator's update
 * applies on the next open). None shipped (404), or no fetch at all: the built-in profile. One that cannot be read
 * or is not valid: the built-in profile, with the message `hyoka --profile` would print for the same file.
 */
export async function loadDeployedProfile(fetcher: Fetch | undefined = globalThis.fetch?.bind(globalThis)): Promise<DeployedProfile> {
  const builtIn = (error: string | null = null): DeployedProfile => ({ profile: defaultProfile, file: error ? PROFILE_FILE : null, error });
  if (!fetcher) return builtIn();
  let text: string;
  try {
    const response = await fetcher(PROFILE_FILE, { cache: "no-cache" });
    if (response.status === 404) return builtIn();
    if (!response.ok) return builtIn(unreadableProfile(PROFILE_FILE));
    text = await response.text();
  } catch {
    return builtIn(unreadableProfile(PROFILE_FILE));
  }
  const { profile, error } = profileFromText(text, PROFILE_FILE);
  return error === undefined ? { profile, file: PROFILE_FILE, error: null } : builtIn(error);
}
