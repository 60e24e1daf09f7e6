/** The one place generated text is escaped: string literals and JSDoc comments. */

/** A single-quoted TypeScript string literal. */
export function stringLiteral(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
}

/** Keeps spec prose from closing a JSDoc comment early. */
export function escapeComment(text: string): string {
  return text.replaceAll('*/', '*\\/');
}
