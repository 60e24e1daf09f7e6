// `method path` → `resource.method`, from the client's operation table, so the proxy names operations as the SDK does.
import { operations } from '@webex-ts/client/operations';

/** Every generated operation's name (`rooms.get`), keyed by its lower-case HTTP method and path template. */
export function operationLabels(): Map<string, string> {
  return new Map(
    Object.entries(operations).map(([name, operation]) => [`${operation.method} ${operation.path}`, name]),
  );
}
