/**
 * The plan grammar: every pattern that recognises a part of a plan, in one place. The parser is
 * the only module that applies them; the validator, the remark plugin and the data plugin read
 * the parser's model instead of matching text again. Plain regular expressions, isomorphic.
 */

/** `Day 3 – Title`, `Day 3 - Title`, `Day 3: Title`, `Day 3 — Title`. */
export const DAY_HEADING = /^Day\s+(\d+)\s*(?:[–—:-]\s*)(.+)$/i;
/** Any heading that names a day, titled or not (`Day 3`), so a malformed one is reported rather than skipped. */
export const DAY_MENTION = /^Day\s+(\d+)\b/i;
/** `4-Hour Plan`, `6-Hour Plan`, `6 Hour Plan`, `6-hour plan (optional)`. */
export const VARIANT_HEADING = /^([46])[\s-]*Hours?\s+Plan\b/i;
/** `Morning (6 hours)`, `Evening (8 hours)`; the duration is read by `parseDuration`. */
export const SESSION_HEADING = /^(Morning|Evening)\b\s*(?:\((.+)\))?/i;
export const GOALS_HEADING = /^Weekly Goals$/i;
export const OVERVIEW_HEADING = /^Weekly Overview( Table)?$/i;
/** The first cell of an overview row: "1", "Day 1" and "**1**" (read as plain text) all name day 1. */
export const OVERVIEW_DAY = /^(?:Day\s*)?(\d+)$/i;

/**
 * A block label, as the bold lead of a 4-hour item: `Block 2 (Design – 90 min)` (the seeds),
 * also `Block 2: Design (90 min)` and `Block 2 – Design (90 min)`. Group 1 is the number,
 * group 2 the text in parentheses or after the separator.
 */
export const BLOCK_LABEL = /^Block\s+(\d+)\s*(?:\((.+)\)|[:–—-]\s*(.+))\s*[.:]?$/i;
/** A spaced dash: one of them separates label and duration (labels and ranges may contain dashes too). */
export const SPACED_DASH = /\s+[–—-]\s+/g;
/** Text ending in parentheses: `Practice (60 min)`, `… for a tiny API (60 min).` — group 2 may be a duration. */
export const TRAILING_PARENS = /^(.*?)\s*\(([^()]+)\)\s*[.:;,]?\s*$/;
/** `Practice (60 min): Implement it` without bold: label, duration, then what to do. */
export const LABEL_PARENS_THEN_TEXT = /^(.+?)\s*\(([^()]+)\)\s*[:–—-]\s*(.*)$/;
/**
 * An item that only introduces the 6-hour additions nested under it: `Add:`, `Also add:`,
 * `**Do everything in the 4-hour plan**, plus:`. It ends with a colon and names no duration.
 */
export const ADDITIONS_INTRO = /:\s*$/;
/** `Practice:` / `Practice Problems:` introduces practice items in the intensive plan. */
export const PRACTICE_ITEM = /^Practice(?:\s+Problems)?\s*:?$/i;

/**
 * Durations as plan authors write them: `60 min`, `60–75 min`, `60-75 min`, `45 — 60 minutes`,
 * `1.5 h`, `6 hours`. Ranges accept en dash, em dash, hyphen and "to" because contributors type
 * whichever their keyboard gives them.
 */
export const DURATION = /^(\d+(?:\.\d+)?)\s*(?:(?:[–—-]|to)\s*(\d+(?:\.\d+)?)\s*)?(min|mins|minutes?|h|hrs?|hours?)\.?$/i;

/** A TODO marker and its hint, up to the end of the table cell, bold label or `Label – 60 min` dash. */
export const TODO_MARKER = /\bTODO\b(?:(?!\s[–—-]\s)[^|*()\n\]])*/g;
