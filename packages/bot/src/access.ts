// Who may use the bot: the rules, checked before any handler runs. Pure; the bot looks up emails when a rule needs one.
import { sameEmail, sameId } from './ids.js';

/**
 * Who the bot answers. Without rules it answers anyone who can reach it: anyone may add a bot to a room or write to
 * it. Set `people` or `domains` to restrict who, `rooms` to restrict where; when both are set, both must allow.
 * An empty list allows no one (a rule read from an empty setting fails closed).
 */
export interface AccessRules {
  /** People who may use the bot: person ids or email addresses. */
  people?: readonly string[];
  /** Email domains whose people may use the bot: `example.com` (exactly; `eng.example.com` is not included). */
  domains?: readonly string[];
  /** Rooms the bot works in, by id. A 1:1 room is a room too: list it, or leave `rooms` unset. */
  rooms?: readonly string[];
}

/** Who did something, and where. */
export interface Requester {
  personId?: string | undefined;
  email?: string | undefined;
  roomId?: string | undefined;
}

/** Why an event was refused: who sent it (`person`), or where (`room`). */
export type RefusalReason = 'person' | 'room';

/** The rules, checked and normalised once. */
export interface CompiledRules {
  ids: string[] | undefined;
  emails: string[] | undefined;
  domains: string[] | undefined;
  rooms: string[] | undefined;
}

/** Checks the rules once, at `createBot`, with errors that name the bad entry. */
export function compileRules(rules: AccessRules | undefined): CompiledRules {
  const list = (name: keyof AccessRules): string[] | undefined => {
    const value = rules?.[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
      throw new TypeError(
        `createBot: access.${name} should be a list of non-empty strings, got ${JSON.stringify(value)}; ` +
          `e.g. access: { ${name}: [${name === 'domains' ? "'example.com'" : name === 'people' ? "'ana@example.com'" : 'roomId'}] }`,
      );
    }
    return value.map((item: string) => item.trim());
  };
  const people = list('people');
  const domains = list('domains')?.map((domain) => {
    const clean = domain.toLowerCase().replace(/^@/, '');
    if (clean.includes('@') || !clean.includes('.')) {
      throw new TypeError(
        `createBot: access.domains takes email domains like 'example.com', got ${JSON.stringify(domain)}`,
      );
    }
    return clean;
  });
  return {
    ids: people?.filter((entry) => !entry.includes('@')),
    emails: people?.filter((entry) => entry.includes('@')),
    domains,
    rooms: list('rooms'),
  };
}

/** Whether any rule restricts people, so that who is asking must be known. */
function restrictsPeople(rules: CompiledRules): boolean {
  return rules.ids !== undefined || rules.domains !== undefined;
}

/** Whether a rule can only be decided with the requester's email (an email or a domain rule). */
export function needsEmail(rules: CompiledRules): boolean {
  return (rules.emails?.length ?? 0) > 0 || (rules.domains?.length ?? 0) > 0;
}

/** Whether the person alone is allowed by the people rules (ignoring rooms); true when none are set. */
function personAllowed(rules: CompiledRules, who: Requester): boolean {
  if (!restrictsPeople(rules)) return true;
  const { personId, email } = who;
  if (rules.ids?.some((id) => sameId(id, personId))) return true;
  if (rules.emails?.some((allowed) => sameEmail(allowed, email))) return true;
  const domain = email?.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : undefined;
  return domain !== undefined && (rules.domains?.includes(domain) ?? false);
}

/** The decision: undefined when allowed, else why not. Rooms are checked first: they need no lookup. */
export function refusal(rules: CompiledRules, who: Requester): RefusalReason | undefined {
  if (rules.rooms !== undefined && !rules.rooms.some((room) => sameId(room, who.roomId))) return 'room';
  return personAllowed(rules, who) ? undefined : 'person';
}
