import { stringLiteral } from '../escape.js';

/** Naming rules shared by the IR builder and the emitters. */

const WORD = /[A-Za-z0-9]+/g;

/** `team-memberships` → `TeamMemberships`, `listRooms` → `ListRooms`. */
export function pascalCase(text: string): string {
  return (text.match(WORD) ?? []).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

/** `team-memberships` → `teamMemberships`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

/** `addresses` → `address`, `phoneNumbers` → `phoneNumber`: names a hoisted array item type. */
export function singular(word: string): string {
  if (/(us|is|ss)$/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/sses$/.test(word)) return word.slice(0, -2);
  if (/(ses|xes|shes|ches)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Whether a name can be written unquoted as a property key. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property key as written in TypeScript source. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}
