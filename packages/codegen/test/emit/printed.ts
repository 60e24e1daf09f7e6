import { printStructure, type Structures } from 'ts-morph';

/** The text of one structure (a method, say) as the generator prints it, before Biome formats it. */
export function printed(structure: Structures): string {
  return printStructure(structure, { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true }).trimEnd();
}

/** Lines joined: expected texts read top to bottom. */
export const lines = (...text: string[]): string => text.join('\n');
