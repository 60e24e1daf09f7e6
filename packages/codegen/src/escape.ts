/** The one place generated text is escaped: string literals, property keys and JSDoc comments. */

/** A single-quoted TypeScript string literal. */
export function stringLiteral(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
}

/** Whether a name can be written unquoted as a property key. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property key as written in TypeScript source: quoted when it is not an identifier. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Keeps spec prose from closing a JSDoc comment early. */
export function escapeComment(text: string): string {
  return text.replaceAll('*/', '*\\/');
}

/** Prose wrapped at `width` characters on spaces, line by line; a word longer than the width stays whole. */
export function wrapProse(text: string, width = 100): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const indent = /^\s*/.exec(line)![0];
      const out: string[] = [];
      let current = '';
      for (const word of line.trim().split(/ +/)) {
        if (current && indent.length + current.length + 1 + word.length > width) {
          out.push(indent + current);
          current = word;
        } else {
          current = current ? `${current} ${word}` : word;
        }
      }
      if (current) out.push(indent + current);
      return out.join('\n');
    })
    .join('\n');
}
