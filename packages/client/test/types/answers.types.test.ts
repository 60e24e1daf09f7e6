// Answer types as Webex writes them (issue #19 §4 and §5), checked by tsc: each `expectTypeOf` fails the type check
// when the generated model drifts from what the spec records, with the evidence, beside the field.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  DataSourceListItem,
  Location,
  LocationAddress,
  Message,
  PartnerReport,
  ReportTemplate,
  ScimSchemaDefinition,
  ScimSchemaKeyedByUrn,
  Workspace,
  WorkspaceCapabilityMap,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

describe('answer types', () => {
  it('a message always names its author', () => {
    expectTypeOf<Message['personId']>().toEqualTypeOf<string>();
    expectTypeOf<Message['personEmail']>().toEqualTypeOf<string>();
    expectTypeOf<Answer<typeof webex.messages.get>['personId']>().toEqualTypeOf<string>();
  });

  it('partner.reports.get: both spellings of the id and the creation time, none promised', () => {
    type Report = Answer<typeof webex.partner.reports.get>;
    expectTypeOf<Report>().toEqualTypeOf<PartnerReport>();
    expectTypeOf<Report['reportId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Report['createdTime']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Report['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Report['created']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Report['fileSize']>().toEqualTypeOf<number | undefined>();
  });

  it('reportTemplates.list: the template id as Webex writes it (`Id`) and as it publishes it (`id`)', () => {
    type Template = NonNullable<Answer<typeof webex.reportTemplates.list>['items']>[number];
    expectTypeOf<Template>().toEqualTypeOf<ReportTemplate>();
    expectTypeOf<Template['Id']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Template['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Answer<typeof webex.reportTemplates.list>['numberOfTemplate']>().toEqualTypeOf<number | undefined>();
  });

  it('dataSources.list: entries of their own shape, without a promised id', () => {
    type Entry = Answer<typeof webex.dataSources.list>['items'][number];
    expectTypeOf<Entry>().toEqualTypeOf<DataSourceListItem>();
    expectTypeOf<Entry['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Entry['applicationId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Answer<typeof webex.dataSources.get>['id']>().toEqualTypeOf<string>();
  });

  it('scim.schemas.get: the flat schema record, or the published form keyed by URN', () => {
    type Schema = Answer<typeof webex.scim.schemas.get>;
    expectTypeOf<Schema>().toEqualTypeOf<ScimSchemaDefinition | ScimSchemaKeyedByUrn>();
    const read = (answer: Schema) => ('id' in answer ? answer : undefined);
    expectTypeOf<NonNullable<ReturnType<typeof read>>>().toEqualTypeOf<ScimSchemaDefinition>();
    expectTypeOf<ScimSchemaDefinition['id']>().toEqualTypeOf<string>();
  });

  it('locations: address and coordinates in either of the forms Webex documents', () => {
    expectTypeOf<Location['address']>().toEqualTypeOf<LocationAddress | string | undefined>();
    expectTypeOf<Location['latitude']>().toEqualTypeOf<number | string | undefined>();
    expectTypeOf<Location['longitude']>().toEqualTypeOf<number | string | undefined>();
  });

  it('workspaces: capabilities one object keyed by capability, not an array', () => {
    expectTypeOf<Workspace['capabilities']>().toEqualTypeOf<WorkspaceCapabilityMap | undefined>();
    expectTypeOf<Answer<typeof webex.workspaces.getCapabilities>['capabilities']>().toEqualTypeOf<
      WorkspaceCapabilityMap | undefined
    >();
  });
});
