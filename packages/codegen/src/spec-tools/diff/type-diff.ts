import { typeExpression } from '../../emit/type-expression.js';
import type { IrDocs, IrProperty, IrType } from '../../ir/types.js';
import type { Change, Direction, Element } from './change.js';

/** Where a type sits: what a change to it is about, what to call it, and which way it flows. */
export interface TypeSite {
  element: Element;
  target: string;
  direction: Direction;
}

/** Appends the changes between two IR types at one site, without following refs. */
export function diffTypes(a: IrType, b: IrType, site: TypeSite, out: Change[]): void {
  // Each named type is compared once on its own, so a change to `Room` shows as `Room.title`
  // and not again under every operation that returns a room.
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const changed = (action: Change['action'] = 'changed') =>
    out.push({
      element: site.element,
      action,
      target: site.target,
      direction: site.direction,
      from: typeExpression(a),
      to: typeExpression(b),
    });

  if (a.kind === 'union' || b.kind === 'union') {
    diffMembers(membersOf(a), membersOf(b), 'union', site, out, changed);
    return;
  }
  if (a.kind !== b.kind) {
    // An enum opened up to its base type is wider; the reverse is narrower.
    if (a.kind === 'enum' && b.kind === 'primitive' && a.values.every((v) => typeof v === b.type))
      return void changed('widened');
    if (a.kind === 'primitive' && b.kind === 'enum' && b.values.every((v) => typeof v === a.type))
      return void changed('narrowed');
    if (b.kind === 'primitive' && b.type === 'unknown') return void changed('widened');
    return void changed();
  }
  switch (a.kind) {
    case 'ref':
      return void changed();
    case 'primitive':
      if ((b as typeof a).type === 'unknown') return void changed('widened');
      return void changed(a.type === 'unknown' ? 'narrowed' : 'changed');
    case 'enum': {
      // An enum opened to any other string (`x-sdk-open-enums`) is wider; one closed is narrower.
      if (Boolean(a.open) !== Boolean((b as typeof a).open)) changed((b as typeof a).open ? 'widened' : 'narrowed');
      const before = new Set(a.values);
      const after = new Set((b as typeof a).values);
      for (const value of a.values) {
        if (!after.has(value))
          out.push({ element: 'enum', action: 'removed', target: site.target, direction: site.direction, value });
      }
      for (const value of (b as typeof a).values) {
        if (!before.has(value))
          out.push({ element: 'enum', action: 'added', target: site.target, direction: site.direction, value });
      }
      return;
    }
    case 'array':
      diffTypes(a.items, (b as typeof a).items, { ...site, target: `${site.target}[]` }, out);
      return;
    case 'object':
      diffObjects(a, b as typeof a, site, out);
      return;
    case 'intersection':
      diffMembers(a.members, (b as typeof a).members, 'intersection', site, out, changed);
      return;
  }
}

type ObjectType = Extract<IrType, { kind: 'object' }>;

function diffObjects(a: ObjectType, b: ObjectType, site: TypeSite, out: Change[]): void {
  const after = new Map(b.properties.map((p) => [p.name, p]));
  const before = new Map(a.properties.map((p) => [p.name, p]));
  const fieldSite = (name: string): TypeSite => ({
    element: 'field',
    target: `${site.target}.${name}`,
    direction: site.direction,
  });
  for (const prop of a.properties) {
    const next = after.get(prop.name);
    if (!next) {
      out.push({ ...fieldSite(prop.name), action: 'removed' });
      continue;
    }
    diffProperty(prop, next, fieldSite(prop.name), out);
  }
  for (const prop of b.properties) {
    if (!before.has(prop.name)) out.push({ ...fieldSite(prop.name), action: 'added', required: prop.required });
  }
  const [extraA, extraB] = [a.additionalProperties, b.additionalProperties];
  const extra = {
    element: site.element,
    target: site.target,
    direction: site.direction,
    aspect: 'additional properties',
  };
  if (extraA && extraB) diffTypes(extraA, extraB, fieldSite('*'), out);
  else if (extraA) out.push({ ...extra, action: 'narrowed', from: typeExpression(extraA), to: 'none' });
  else if (extraB) out.push({ ...extra, action: 'widened', from: 'none', to: typeExpression(extraB) });
}

/** Compares one parameter or property that both versions have. */
export function diffProperty(a: IrProperty, b: IrProperty, site: TypeSite, out: Change[]): void {
  if (a.required !== b.required) out.push({ ...site, action: b.required ? 'required' : 'optional' });
  diffDocs(a, b, site, out);
  diffTypes(a.type, b.type, site, out);
}

/** Appends docs changes (description, deprecation) and format changes, which tighten or loosen. */
export function diffDocs(
  a: IrDocs & { summary?: string },
  b: IrDocs & { summary?: string },
  site: TypeSite,
  out: Change[],
): void {
  for (const aspect of ['summary', 'description'] as const) {
    if (a[aspect] !== b[aspect]) out.push({ ...site, action: 'docs', aspect });
  }
  if (Boolean(a.deprecated) !== Boolean(b.deprecated)) {
    out.push({
      ...site,
      action: 'docs',
      aspect: 'deprecated',
      from: String(Boolean(a.deprecated)),
      to: String(Boolean(b.deprecated)),
    });
  }
  if (a.format !== b.format) {
    const action = a.format === undefined ? 'tightened' : b.format === undefined ? 'loosened' : 'changed';
    out.push({ ...site, action, aspect: 'format', from: a.format ?? 'none', to: b.format ?? 'none' });
  }
}

function membersOf(type: IrType): IrType[] {
  return type.kind === 'union' ? type.members : [type];
}

/** Pairing key of a union or intersection member: members of the same key are compared with each other. */
function memberKey(type: IrType): string {
  if (type.kind === 'ref') return `ref:${type.name}`;
  if (type.kind === 'primitive') return `primitive:${type.type}`;
  return type.kind;
}

function diffMembers(
  a: IrType[],
  b: IrType[],
  kind: 'union' | 'intersection',
  site: TypeSite,
  out: Change[],
  changed: (action?: Change['action']) => void,
): void {
  const keysA = a.map(memberKey);
  const keysB = b.map(memberKey);
  if (new Set(keysA).size !== keysA.length || new Set(keysB).size !== keysB.length) {
    // Two members of one kind (two inline objects, say) cannot be told apart: pair by position.
    if (a.length !== b.length) {
      changed();
      return;
    }
    for (const [i, member] of a.entries()) diffTypes(member, b[i]!, site, out);
    return;
  }
  const added = keysB.filter((k) => !keysA.includes(k));
  const removed = keysA.filter((k) => !keysB.includes(k));
  if (added.length || removed.length) {
    // More union members accept more; more allOf members demand more.
    if (kind === 'union' && !removed.length) changed('widened');
    else if (kind === 'union' && !added.length) changed('narrowed');
    else changed();
  }
  keysA.forEach((key, i) => {
    const j = keysB.indexOf(key);
    if (j !== -1) diffTypes(a[i]!, b[j]!, site, out);
  });
}
