/** How one name is spelled: its case, a plural made singular, and a nested type's name from its parent's. */

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

/**
 * The words of a PascalCase name, which joined give the name back: `EventThresholdConfig` → Event, Threshold,
 * Config; `SIPAddress` → SIP, Address; `Timer68XX` → Timer68, XX.
 */
export function pascalWords(name: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 1; i < name.length; i++) {
    const [before, at, after] = [name[i - 1]!, name[i]!, name[i + 1] ?? ''];
    const upper = /[A-Z]/.test(at);
    const startsWord = upper && (/[a-z0-9]/.test(before) || (/[A-Z]/.test(before) && /[a-z]/.test(after)));
    if (startsWord) {
      words.push(name.slice(start, i));
      start = i;
    }
  }
  if (name.length) words.push(name.slice(start));
  return words;
}

/**
 * The name of a type nested in the type `parent` under `property`: the parent's name, then the property in Pascal
 * case less the words it repeats from the end of the parent's (`…EventThreshold` + `thresholdConfig` →
 * `…EventThresholdConfig`). The property keeps at least one word, so a nested type never takes its parent's name
 * (`ActivationEmailJobError` + `error` → `ActivationEmailJobErrorError`).
 */
export function nestedName(parent: string, property: string): string {
  const own = pascalWords(parent);
  const added = pascalWords(pascalCase(property));
  let repeated = 0;
  for (let size = Math.min(own.length, added.length - 1); size > 0; size--) {
    if (own.slice(-size).every((word, i) => word === added[i])) {
      repeated = size;
      break;
    }
  }
  return parent + added.slice(repeated).join('');
}
