/**
 * Soft hyphens in long Danish words, so that a heading on a phone breaks "Sundhedssamarbejds-udvalget"
 * instead of "Sundhedssamarbejdsudva|lget". Browsers without a Danish hyphenation dictionary (Chromium on
 * Linux, many webviews) ignore `hyphens: auto`; a soft hyphen works everywhere, is invisible unless the
 * line breaks there, and is skipped by screen readers. Pure and rule-based (Danish "udtaledeling"): a break
 * before a vowel's consonant cluster's allowed onset, after the linking "s" of a compound when there is one.
 */

const SOFT_HYPHEN = "\u00ad";
/** Words shorter than this fit a phone's line at heading size; they are left alone. */
const MIN_WORD = 16;
/** Letters kept together at a word's start and end. */
const EDGE = 3;
const VOWELS = new Set("aeiouyæøåéáüö");
/** Consonant clusters that may begin a Danish syllable. */
const ONSETS = new Set([
  "bl",
  "br",
  "dr",
  "fl",
  "fr",
  "gl",
  "gn",
  "gr",
  "kl",
  "kn",
  "kr",
  "kv",
  "pl",
  "pr",
  "sk",
  "sl",
  "sm",
  "sn",
  "sp",
  "st",
  "sv",
  "tr",
  "tv",
  "skr",
  "spl",
  "spr",
  "str",
  "skv",
]);

const isVowel = (c: string) => VOWELS.has(c);

/** Where in a cluster of consonants (between two vowels) the syllable break goes: index into the cluster. */
function clusterBreak(cluster: string): number {
  if (cluster.length <= 1) {
    return 0;
  }
  // "ud|skriv": a prefix's consonant before an s-onset.
  if (cluster.length >= 4 && cluster[1] === "s" && ONSETS.has(cluster.slice(1))) {
    return 1;
  }
  // A compound's linking "s" ("sundheds|samarbejde", "koordinations|forum") keeps what follows as an onset.
  const s = cluster.indexOf("s");
  if (s >= 0 && s < cluster.length - 1) {
    const rest = cluster.slice(s + 1);
    if ((s > 0 && rest.length === 1) || ONSETS.has(rest)) {
      return s + 1;
    }
  }
  // "bejds|ud", "heds|ud": the cluster ends with a stem's last consonant and the linking s (not "prak|sis").
  if (s === cluster.length - 1 && (cluster.length >= 3 || "dglt".includes(cluster[0] as string))) {
    return cluster.length;
  }
  for (let len = Math.min(3, cluster.length); len >= 2; len--) {
    if (ONSETS.has(cluster.slice(-len))) {
      return cluster.length - len;
    }
  }
  return cluster.length - 1;
}

/** One word with soft hyphens at its syllable breaks (left alone when short or not all letters). */
export function hyphenateWord(word: string): string {
  if (word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) {
    return word;
  }
  const lower = word.toLowerCase();
  const breaks: number[] = [];
  let i = 0;
  while (i < lower.length && !isVowel(lower[i] as string)) {
    i++;
  }
  while (i < lower.length) {
    while (i < lower.length && isVowel(lower[i] as string)) {
      i++;
    }
    const start = i;
    while (i < lower.length && !isVowel(lower[i] as string)) {
      i++;
    }
    if (i >= lower.length) {
      break;
    }
    const at = start + clusterBreak(lower.slice(start, i));
    if (at >= EDGE && lower.length - at >= EDGE) {
      breaks.push(at);
    }
  }
  let out = "";
  let from = 0;
  for (const at of breaks) {
    out += word.slice(from, at) + SOFT_HYPHEN;
    from = at;
  }
  return out + word.slice(from);
}

/** A text with soft hyphens in its long words. */
export function hyphenate(text: string): string {
  return text.replace(/\p{L}{16,}/gu, hyphenateWord);
}
