export { startMockServer, bundledSpecPath, freePort, type MockServer, type MockServerOptions } from './mock-server.js';
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
