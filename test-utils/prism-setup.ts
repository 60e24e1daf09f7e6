// Vitest global setup: one Prism mock of the bundled spec for the whole run.
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../scripts/mock-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer({});
  project.provide('mockUrl', mock.url);
  return () => mock.stop();
}
