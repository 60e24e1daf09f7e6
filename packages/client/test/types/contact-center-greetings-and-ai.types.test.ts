// Hand-written type tests for the create, update and bulk methods of Contact Center's agent greetings, AI features,
// Auto CSAT, generated summaries and agent wellbeing, and for what their listings iterate. Each `@ts-expect-error`
// line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits
// on one line, so formatting cannot move the error away from its directive. The calls sit behind
// `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterAgentGreeting,
  ContactCenterAgentGreetingV1,
  ContactCenterAgentWellbeing,
  ContactCenterAiFeature,
  ContactCenterAutoCsat,
  ContactCenterAutoCsatQuestion,
  ContactCenterGeneratedSummaries,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
// The generator types a `format: binary` part as a string, so the recording is written as one here.
// A file part is a Blob (or File): the form builder sends it as a file.
const wav = new Blob(['RIFF'], { type: 'audio/wav' });

describe('contact center greetings, AI features, Auto CSAT, summaries and wellbeing: create/update types', () => {
  it('contactCenter.agentGreetings.create, update, patch and their first versions', () => {
    const greetings = webex.contactCenter.agentGreetings;
    const details = { name: 'Maria - welcome', contentType: 'AUDIO_WAV', agentId: 'agent' } as const;
    const { agentId: _agentId, ...noAgent } = details;
    const mimeType = { ...details, contentType: 'audio/wav' } as const;
    const textVersion = { ...details, version: '2' } as const;
    if (false as boolean) {
      void greetings.create(org, { agentPersonalGreetingInfo: { ...details, greetingPurposeId: 'p' }, audioFile: wav });
      void greetings.create(org, { agentPersonalGreetingInfo: JSON.stringify(details), audioFile: wav });
      void greetings.update(org, 'id', { agentPersonalGreetingInfo: { ...details, version: 2 }, audioFile: wav });
      void greetings.createV1(org, {
        agentPersonalGreetingInfo: { ...details, attributeTag: 'welcome' },
        audioFile: wav,
      });
      void greetings.updateV1(org, 'id', { agentPersonalGreetingInfo: details, audioFile: wav });
      void greetings.patch(org, 'id', { greetingPurposeId: 'p' });
      void greetings.patchV1(org, 'id', { attributeTag: 'holiday-welcome' });
      void greetings.deleteReferences(org, { references: { EntryPoint: ['id'] } });
      void greetings.get(org, 'id', { includeUrl: true });
      void greetings.list(org, { includeAgentDetails: true, search: 'welcome', page: 0, pageSize: 50 });
      // @ts-expect-error missing: an upload carries the recording (`audioFile`)
      void greetings.create(org, { agentPersonalGreetingInfo: details });
      // @ts-expect-error missing: a greeting belongs to an agent (`agentId`)
      void greetings.create(org, { agentPersonalGreetingInfo: noAgent, audioFile: wav });
      // @ts-expect-error enum: `contentType` names a media type the way Contact Center does (AUDIO_WAV …)
      void greetings.update(org, 'id', { agentPersonalGreetingInfo: mimeType, audioFile: wav });
      // @ts-expect-error type: `version` is a number
      void greetings.update(org, 'id', { agentPersonalGreetingInfo: textVersion, audioFile: wav });
      // @ts-expect-error type: the details are an object or JSON text, not a number
      void greetings.createV1(org, { agentPersonalGreetingInfo: 1, audioFile: wav });
      // @ts-expect-error type: `attributeTag` is text
      void greetings.patchV1(org, 'id', { attributeTag: 1 });
      // @ts-expect-error type: `references` is an object, not an id
      void greetings.deleteReferences(org, { references: 'id' });
      // @ts-expect-error type: `includeUrl` is a boolean
      void greetings.getV1(org, 'id', { includeUrl: 'true' });
    }
    expect(greetings.create).toBeTypeOf('function');
    expect(greetings.createV1).toBeTypeOf('function');
    expect(greetings.patch).toBeTypeOf('function');
  });

  it('contactCenter.aiFeatures.update, createAutoCsatQuestion and bulkSaveAutoCsatQuestions', () => {
    const features = webex.contactCenter.aiFeatures;
    const question = { questionId: 'q', questionnaireId: 'qn' };
    if (false as boolean) {
      void features.update(org, 'id', { version: 6, realtimeTranscripts: { enable: true, agentInclusionType: 'ALL' } });
      void features.update(org, 'id', { agentWellbeing: { enable: true, agentInclusionType: 'SPECIFIC' } });
      void features.update(org, 'id', { personalizedAIRouting: { cjdsWorkspaceId: 'w' } });
      void features.createAutoCsatQuestion(org, question);
      void features.bulkSaveAutoCsatQuestions(org, { items: [{ itemIdentifier: 1, item: question }] });
      // @ts-expect-error missing: a setting that is sent carries its `enable`
      void features.update(org, 'id', { sentimentAnalysis: { queuesInclusionType: 'ALL' } });
      // @ts-expect-error missing: agent wellbeing also says whom it applies to (`agentInclusionType`)
      void features.update(org, 'id', { agentWellbeing: { enable: true } });
      // @ts-expect-error enum: an inclusion type is ALL or SPECIFIC
      void features.update(org, 'id', { predictedWaitTime: { enable: true, queuesInclusionType: 'SOME' } });
      // @ts-expect-error enum: Auto CSAT's survey scores come from EXPERIENCE_MANAGEMENT or a GLOBAL_VARIABLE
      void features.update(org, 'id', { autoCSAT: { enable: true, surveyDataSource: 'SURVEY' } });
      // @ts-expect-error missing: a question is named with its questionnaire (`questionnaireId`)
      void features.createAutoCsatQuestion(org, { questionId: 'q' });
      // @ts-expect-error missing: a bulk item's question still needs its `questionId`
      void features.bulkSaveAutoCsatQuestions(org, { items: [{ item: { questionnaireId: 'qn' } }] });
    }
    expect(features.update).toBeTypeOf('function');
    expect(features.createAutoCsatQuestion).toBeTypeOf('function');
    expect(features.bulkSaveAutoCsatQuestions).toBeTypeOf('function');
  });

  it('contactCenter.autoCsat.update, createQuestion and bulkSaveQuestions', () => {
    const autoCsat = webex.contactCenter.autoCsat;
    const setting = {
      enabled: true,
      agentInclusionType: 'ALL',
      surveyDataSource: 'GLOBAL_VARIABLE',
      selectedGlobalVariableId: 'gv',
    } as const;
    const { selectedGlobalVariableId: _variable, ...noVariable } = setting;
    if (false as boolean) {
      void autoCsat.update(org, 'id', { ...setting, version: 2 });
      void autoCsat.createQuestion(org, 'auto', { questionId: 'q', questionnaireId: 'qn' });
      void autoCsat.bulkSaveQuestions(org, 'auto', {
        items: [{ itemIdentifier: 1, item: { questionId: 'q', questionnaireId: 'qn' } }],
      });
      // @ts-expect-error missing: an update sends every required field, `selectedGlobalVariableId` too
      void autoCsat.update(org, 'id', noVariable);
      // @ts-expect-error enum: `surveyDataSource` is EXPERIENCE_MANAGEMENT or GLOBAL_VARIABLE
      void autoCsat.update(org, 'id', { ...setting, surveyDataSource: 'SURVEY' });
      // @ts-expect-error type: `enabled` is a boolean
      void autoCsat.update(org, 'id', { ...setting, enabled: 'true' });
      // @ts-expect-error type: `questionId` is the Experience Management id, a string
      void autoCsat.createQuestion(org, 'auto', { questionId: 7, questionnaireId: 'qn' });
      // @ts-expect-error type: `itemIdentifier` is a number
      void autoCsat.bulkSaveQuestions(org, 'auto', { items: [{ itemIdentifier: '1' }] });
    }
    expect(autoCsat.update).toBeTypeOf('function');
    expect(autoCsat.createQuestion).toBeTypeOf('function');
    expect(autoCsat.bulkSaveQuestions).toBeTypeOf('function');
  });

  it('contactCenter.generatedSummaries.update', () => {
    const summaries = webex.contactCenter.generatedSummaries;
    if (false as boolean) {
      void summaries.update(org, 'id', { version: 4, callDropSummariesEnabled: true, agentInclusionType: 'SPECIFIC' });
      void summaries.update(org, 'id', {});
      // @ts-expect-error enum: `agentInclusionType` is ALL or SPECIFIC
      void summaries.update(org, 'id', { agentInclusionType: 'NONE' });
      // @ts-expect-error type: a summary switch is a boolean
      void summaries.update(org, 'id', { consultTransferSummariesEnabled: 'yes' });
    }
    expect(summaries.update).toBeTypeOf('function');
  });

  it('contactCenter.agentWellbeing.update, subscribe and recordAction; agentSummaries.search', () => {
    const wellbeing = webex.contactCenter.agentWellbeing;
    const subscription = {
      name: 'Dashboard',
      eventTypes: ['agent:burnout_detected'],
      destinationUrl: 'https://x.example',
    };
    const { destinationUrl: _url, ...noUrl } = subscription;
    const headers = { 'X-ORGANIZATION-ID': org };
    if (false as boolean) {
      void wellbeing.update(org, 'id', { enabled: true, agentInclusionType: 'ALL', wellnessBreakReminders: 'ENABLED' });
      void wellbeing.subscribe({ ...subscription, secret: 's' }, { headers });
      void wellbeing.recordAction({ agentId: 'a', actionType: 'BREAK_TAKEN', actionDateType: {} }, { headers });
      void webex.contactCenter.agentSummaries.search({ searchType: 'INTERACTION', interactionId: 'i' });
      // @ts-expect-error missing: an update says whom the setting applies to (`agentInclusionType`)
      void wellbeing.update(org, 'id', { enabled: true });
      // @ts-expect-error enum: break reminders are ENABLED or DISABLED
      void wellbeing.update(org, 'id', { enabled: true, agentInclusionType: 'ALL', wellnessBreakReminders: 'ON' });
      // @ts-expect-error missing: a subscription needs the address events go to (`destinationUrl`)
      void wellbeing.subscribe(noUrl, { headers });
      // @ts-expect-error type: `eventTypes` is a list of event types
      void wellbeing.subscribe({ ...subscription, eventTypes: 'agent:burnout_detected' }, { headers });
      // @ts-expect-error type: `actionType` is text
      void wellbeing.recordAction({ actionType: 1 }, { headers });
      // @ts-expect-error missing: the organization's header (`{ headers: { 'X-ORGANIZATION-ID': org } }`)
      void wellbeing.subscribe(subscription);
      // @ts-expect-error missing: `X-ORGANIZATION-ID` in the headers
      void wellbeing.recordAction({ agentId: 'a' }, { headers: { TrackingId: 't' } });
      // @ts-expect-error type: the search criteria are an object
      void webex.contactCenter.agentSummaries.search('INTERACTION');
    }
    expect(wellbeing.subscribe).toBeTypeOf('function');
    expect(wellbeing.recordAction).toBeTypeOf('function');
  });

  it('listings iterate the items of the envelope data', () => {
    const cc = webex.contactCenter;
    expectTypeOf(cc.agentGreetings.list(org).first()).resolves.toEqualTypeOf<ContactCenterAgentGreeting | undefined>();
    expectTypeOf(cc.agentGreetings.listV2(org).first()).resolves.toEqualTypeOf<
      ContactCenterAgentGreetingV1 | undefined
    >();
    expectTypeOf(cc.aiFeatures.list(org).first()).resolves.toEqualTypeOf<ContactCenterAiFeature | undefined>();
    expectTypeOf(cc.aiFeatures.listAutoCsatQuestions(org).first()).resolves.toEqualTypeOf<
      ContactCenterAutoCsatQuestion | undefined
    >();
    expectTypeOf(cc.autoCsat.list(org).first()).resolves.toEqualTypeOf<ContactCenterAutoCsat | undefined>();
    expectTypeOf(cc.autoCsat.listQuestions(org, 'auto').first()).resolves.toEqualTypeOf<
      ContactCenterAutoCsatQuestion | undefined
    >();
    expectTypeOf(cc.generatedSummaries.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterGeneratedSummaries | undefined
    >();
    expectTypeOf(cc.agentWellbeing.list(org).first()).resolves.toEqualTypeOf<ContactCenterAgentWellbeing | undefined>();
  });
});
