// Text from the server (titles, names, error messages, file names) ends up in a terminal; its control characters must not.

/**
 * C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F). ESC (U+001B) starts a terminal
 * escape sequence, and so do C1 characters such as CSI (U+009B, `%C2%9B` in UTF-8) on some terminals.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` without control characters (C0, DEL, C1): safe to print, or to make a file name of. */
export function printable(text: string): string {
  return text.replace(CONTROL, '');
}

/** `text` on one line: runs of whitespace (line breaks, tabs) as one space, control characters dropped, trimmed. */
export function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ')).trim();
}

/**
 * `value` as JSON, with DEL and C1 controls written as `\u…` escapes as well (`JSON.stringify` escapes only C0):
 * the same data, and nothing a terminal acts on.
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
