import { parseArgs } from 'node:util';
import { startMockServer } from './index.js';

const USAGE = `Usage: webex-mock [--port <n>] [--host <h>] [--spec <file>] [--no-errors]

Serves a Prism mock of the Webex REST API (the spec @webex-ts/client was generated from).
Point your app at it: new Webex({ accessToken: 'any', baseUrl: 'http://127.0.0.1:<port>' })`;

/** Runs the mock until SIGINT/SIGTERM; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, host: { type: 'string' }, spec: { type: 'string' }, 'no-errors': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error(`--port must be a port number (got ${values.port})\n\n${USAGE}`);
    return 2;
  }
  const mock = await startMockServer({ port, host: values.host, spec: values.spec, errors: !values['no-errors'] });
  console.log(`Webex mock listening on ${mock.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mock.stop();
  return 0;
}
