import { describe, expect, it } from 'vitest';
import { emitResourcesIndex } from '../../src/emit/resources-index.js';
import type { IrResource } from '../../src/ir/types.js';
import { printStatements } from '../../src/write/source-files.js';
import { lines } from './printed.js';

const resource = (name: string, property: string[], description?: string): IrResource => ({
  name,
  property,
  source: `a/${name}`,
  tags: [],
  operations: [],
  ...(description ? { description } : {}),
});

const cases: [string, { given: IrResource[]; handWritten?: Map<string, string>; want: string }][] = [
  [
    'no resources: the class alone',
    {
      given: [],
      want: lines(
        "import type { ResourceCore } from '../core/resource.js';",
        '',
        '/** Every resource of the API, one property each (or a namespace of them). `Webex` extends this. */',
        'export class WebexResources {',
        '  /** Builds every resource on one shared core (`createCore()`). */',
        '  constructor(core: ResourceCore) {',
        '  }',
        '}',
      ),
    },
  ],
  [
    'resources and a namespace, sorted by property, each built on the one core',
    {
      given: [
        resource('things', ['things'], 'Things to keep.'),
        resource('scim-users', ['scim', 'users'], 'SCIM users.'),
        resource('scim-groups', ['scim', 'groups']),
      ],
      want: lines(
        "import type { ResourceCore } from '../core/resource.js';",
        "import { ScimGroupsResource } from './resources/scim-groups.gen.js';",
        "import { ScimUsersResource } from './resources/scim-users.gen.js';",
        "import { ThingsResource } from './resources/things.gen.js';",
        "export { ScimGroupsResource } from './resources/scim-groups.gen.js';",
        "export { ScimUsersResource } from './resources/scim-users.gen.js';",
        "export { ThingsResource } from './resources/things.gen.js';",
        '',
        '/** The resources under `webex.scim`. */',
        'export interface ScimNamespace {',
        '  /** The scim.groups API. */',
        '  readonly groups: ScimGroupsResource;',
        '  /** SCIM users. */',
        '  readonly users: ScimUsersResource;',
        '}',
        '',
        '/** Every resource of the API, one property each (or a namespace of them). `Webex` extends this. */',
        'export class WebexResources {',
        '  /** `scim.groups`, `scim.users`. */',
        '  public readonly scim: ScimNamespace;',
        '  /** Things to keep. */',
        '  public readonly things: ThingsResource;',
        '',
        '  /** Builds every resource on one shared core (`createCore()`). */',
        '  constructor(core: ResourceCore) {',
        '    this.scim = { groups: new ScimGroupsResource(core), users: new ScimUsersResource(core) };',
        '    this.things = new ThingsResource(core);',
        '  }',
        '}',
      ),
    },
  ],
  [
    'a resource written by hand over its generated class: that class built and typed, the generated base exported',
    {
      given: [resource('things', ['things'], 'Things to keep.'), resource('widgets', ['widgets'])],
      handWritten: new Map([['things', '../things/things-resource.js']]),
      want: lines(
        "import type { ResourceCore } from '../core/resource.js';",
        "import { ThingsResource } from '../things/things-resource.js';",
        "import { WidgetsResource } from './resources/widgets.gen.js';",
        "export { ThingsResourceBase } from './resources/things.gen.js';",
        "export { WidgetsResource } from './resources/widgets.gen.js';",
        '',
        '/** Every resource of the API, one property each (or a namespace of them). `Webex` extends this. */',
        'export class WebexResources {',
        '  /** Things to keep. */',
        '  public readonly things: ThingsResource;',
        '  /** The widgets API. */',
        '  public readonly widgets: WidgetsResource;',
        '',
        '  /** Builds every resource on one shared core (`createCore()`). */',
        '  constructor(core: ResourceCore) {',
        '    this.things = new ThingsResource(core);',
        '    this.widgets = new WidgetsResource(core);',
        '  }',
        '}',
      ),
    },
  ],
  [
    "resources of another host: built on that host's core, which the constructor takes by the host's name",
    {
      given: [
        resource('things', ['things'], 'Things to keep.'),
        { ...resource('skills', ['contactCenter', 'skills'], 'Skills.'), host: 'contactCenter' },
      ],
      want: lines(
        "import type { ResourceCore } from '../core/resource.js';",
        "import { ContactCenterSkillsResource } from './resources/skills.gen.js';",
        "import { ThingsResource } from './resources/things.gen.js';",
        "export { ContactCenterSkillsResource } from './resources/skills.gen.js';",
        "export { ThingsResource } from './resources/things.gen.js';",
        '',
        '/** The resources under `webex.contactCenter`. */',
        'export interface ContactCenterNamespace {',
        '  /** Skills. */',
        '  readonly skills: ContactCenterSkillsResource;',
        '}',
        '',
        '/** Every resource of the API, one property each (or a namespace of them). `Webex` extends this. */',
        'export class WebexResources {',
        '  /** `contactCenter.skills`. */',
        '  public readonly contactCenter: ContactCenterNamespace;',
        '  /** Things to keep. */',
        '  public readonly things: ThingsResource;',
        '',
        '  /**',
        "   * Builds every resource once: those of the API's own host on `core`, the others on their host's core.",
        '   * @param hosts The core of each other host: contactCenter.',
        '   */',
        '  constructor(core: ResourceCore, hosts: { readonly contactCenter: ResourceCore }) {',
        '    this.contactCenter = { skills: new ContactCenterSkillsResource(hosts.contactCenter) };',
        '    this.things = new ThingsResource(core);',
        '  }',
        '}',
      ),
    },
  ],
];

describe('emitResourcesIndex', () => {
  it.each(cases)('%s', (_name, { given, handWritten, want }) => {
    expect(printStatements(emitResourcesIndex(given, handWritten))).toBe(want);
  });
});
