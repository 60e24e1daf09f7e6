export { startMockServer, bundledSpecPath, freePort, type MockServer, type MockServerOptions } from './mock-server.js';
export type { MockRequest } from './front/server.js';
export type { RecordedWebhook } from './front/webhooks.js';
export { webhookSignature } from './simulate/delivery.js';
export type {
  DeliveryOptions,
  PersonRef,
  SimulateCardSubmitOptions,
  SimulatedCardSubmit,
  SimulatedEnvelope,
  SimulatedFile,
  SimulatedMembership,
  SimulatedMessage,
  SimulateMembershipOptions,
  SimulateMessageOptions,
  Simulation,
  Simulator,
  WebhookDelivery,
} from './simulate/types.js';
export { startProxy, type ContractProxy, type ProxyOptions } from './contract/proxy.js';
export { formatViolation, summarize, type ContractViolation } from './contract/violation.js';
export type { ContractRule } from './contract/schema-check.js';
export { runTour, type TourOptions, type TourResult, type TourStep } from './contract/live-tour.js';
export { startRealtimeFake } from './realtime/fake.js';
export type {
  Activity,
  ActivityActor,
  ActivityBuilders,
  ActivityFrame,
  ActivityTarget,
  AuthCheck,
  CardActionEvent,
  ClusterName,
  ConnectionState,
  DeleteEvent,
  DeviceRef,
  DeviceSeed,
  FailableOperation,
  FailureOptions,
  FakeCluster,
  FakeConnection,
  FakeDevice,
  FakeEvent,
  FakePerson,
  FakeRoom,
  InjectOptions,
  MembershipEvent,
  MercuryFrame,
  MessageActivityEvent,
  RealtimeFake,
  RealtimeFakeOptions,
  RecordedRequest,
  RequestArea,
  RestStore,
  RoomEvent,
  SharedFile,
} from './realtime/types.js';
