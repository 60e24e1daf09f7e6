// Workspace and device administration: against Webex when WEBEX_ACCESS_TOKEN is set, else against the bundled Prism mock.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  Webex,
  WebexError,
  type Device,
  type DeviceActivationCode,
  type Workspace,
  type WorkspaceLocation,
  type XapiStatus,
} from '@webex-ts/client';
import { startMockServer, type MockServer } from '@webex-ts/mock';

/** What to create and what to read; every field has a default. */
export interface WorkspaceAdminOptions {
  /** Name of the new workspace. */
  workspaceName?: string;
  /** Only consider workspace locations with this display name; the first location otherwise. */
  locationName?: string;
  /** Device to read the status of; otherwise the first connected device that speaks the xAPI. */
  deviceId?: string;
  /** xAPI status entries to read, in dotted form. */
  statusNames?: string[];
}

/** What each step produced. */
export interface WorkspaceAdminResult {
  locations: WorkspaceLocation[];
  location: WorkspaceLocation;
  workspace: Workspace;
  activationCode: DeviceActivationCode;
  /** The device whose status was read; undefined when the organization has none that speaks the xAPI. */
  deviceId: string | undefined;
  status: XapiStatus | undefined;
}

/**
 * Lists the workspace locations, creates a workspace in the first (or the named) one,
 * makes an activation code for a device of that workspace and reads the status of a
 * device over the xAPI.
 */
export async function run(webex: Webex, options: WorkspaceAdminOptions = {}): Promise<WorkspaceAdminResult> {
  const { items: locations } = await webex.workspaceLocations.list(
    options.locationName ? { displayName: options.locationName } : undefined,
  );
  const location = locations[0];
  if (!location) {
    throw new Error(
      `Expected a workspace location${options.locationName ? ` named "${options.locationName}"` : ''} to put the workspace in, got none`,
    );
  }

  const workspace = await webex.workspaces.create({
    displayName: options.workspaceName ?? 'Huddle Room 4B',
    workspaceLocationId: location.id,
    type: 'huddle',
    capacity: 4,
  });
  // The code is typed into the new device, which then registers itself to this workspace.
  const activationCode = await webex.devices.createActivationCode({ workspaceId: workspace.id });

  // A brand-new workspace has no device until someone enters the code, so the xAPI read goes to one that is online already.
  const deviceId = options.deviceId ?? (await firstXapiDevice(webex))?.id;
  const status = deviceId
    ? await webex.xapi.getStatus({ deviceId, name: options.statusNames ?? ['Audio.Volume'] })
    : undefined;

  return { locations, location, workspace, activationCode, deviceId, status };
}

/** The first connected device of the organization that can be reached over the xAPI; one page only. */
function firstXapiDevice(webex: Webex): Promise<Device | undefined> {
  return webex.devices.list({ capability: 'xapi', connectionStatus: 'connected', max: 1 }).first();
}

/** Runs the workflow from the command line and prints what it did. */
async function main(): Promise<void> {
  const token = process.env.WEBEX_ACCESS_TOKEN;
  let mock: MockServer | undefined;
  try {
    if (!token) {
      mock = await startMockServer();
      console.log(`No WEBEX_ACCESS_TOKEN: using the bundled Prism mock of the Webex API on ${mock.url}\n`);
    }
    const webex = new Webex({
      accessToken: token ?? 'mock-token',
      baseUrl: mock?.url ?? (process.env.WEBEX_BASE_URL || undefined),
    });
    const result = await run(webex, { deviceId: process.env.WEBEX_DEVICE_ID || undefined });
    console.log(
      `${result.locations.length} workspace location(s); using "${result.location.displayName ?? result.location.address}"`,
    );
    console.log(`Workspace "${result.workspace.displayName}" created (${result.workspace.id})`);
    console.log(
      `Activation code ${result.activationCode.code} (expires ${result.activationCode.expiryTime ?? 'unknown'})`,
    );
    if (result.status) console.log(`Device ${result.deviceId} status: ${JSON.stringify(result.status.result)}`);
    else console.log('No connected xAPI device to read the status of');
  } catch (error) {
    if (!(error instanceof WebexError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await mock?.stop();
  }
}

// Only as a command: the tests import `run` without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main();
