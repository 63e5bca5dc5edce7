/* eslint-disable @typescript-eslint/no-require-imports */
// HYOKA_PROFILE=path npm run build: the profile the add-in ships as dist/profile.json, checked as `hyoka --profile` checks it.
const fs = require("fs");
const path = require("path");

const COMPILED = path.join(__dirname, "../lib/template/profile.js");

/**
 * Checks the profile with the CLI's own code (lib/, which `npm run build` compiles first): a profile that cannot be
 * read or is not valid stops the build with the message `hyoka --profile` prints for it.
 */
function checkProfile(file) {
  const lib = fs.existsSync(COMPILED) ? require(COMPILED) : null;
  if (!lib || !lib.profileFromText) {
    console.warn("HYOKA_PROFILE: lib/ is not built (npm run build:cli): the profile is copied unchecked.");
    return;
  }
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`HYOKA_PROFILE: ${lib.unreadableProfile(file)}`);
  }
  const { error } = lib.profileFromText(text, file);
  if (error) throw new Error(`HYOKA_PROFILE: ${error}`);
}

module.exports = { checkProfile };
