/**
 * A LIKE/ILIKE pattern matching `text` anywhere, with the text's own `%`, `_` and `\` taken
 * literally: a search box's input is never a pattern.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
