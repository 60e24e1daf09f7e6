/** A running Prism mock. */
export interface MockServer {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}
export const bundledSpec: string;
export function freePort(): Promise<number>;
export function startMockServer(options?: {
  port?: number;
  spec?: string;
  errors?: boolean;
  timeoutMs?: number;
}): Promise<MockServer>;
