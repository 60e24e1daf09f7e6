// Provisions a location's Webex Calling: against Webex when WEBEX_ACCESS_TOKEN is set, else against the bundled Prism mock.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  type CallingAutoAttendant,
  type CallingCallQueue,
  type CallingLocation,
  type CallingLocationAddress,
  type CallingManageNumbersJob,
  type CallingNumber,
  type Location,
  type Person,
  Webex,
  WebexError,
  type WaitForJobOptions,
  waitForJob,
} from '@webex-ts/client';
import { startMockServer, type MockServer } from '@webex-ts/mock';

/** What to provision; every field has a default. */
export interface CallingProvisioningOptions {
  /** Provision the location with this name; the organization's first location otherwise. */
  locationName?: string;
  /** Numbers to add to the location; those Webex finds available are added. */
  phoneNumbers?: string[];
  /** Numbers of another calling location to bring over as well, with a manage numbers job. */
  numbersToMove?: { fromLocationId: string; numbers: string[] };
  /** The Webex Calling user who answers the call queue and gets the call settings. */
  userEmail?: string;
  /** The call queue's name and extension. */
  queue?: { name: string; extension: string };
  /** The auto attendant's name and extension; it answers the first added number. */
  autoAttendant?: { name: string; extension: string };
  /** The location's business hours schedule, which the auto attendant follows. */
  businessScheduleName?: string;
  /** How to wait for the numbers job (deadline, progress …). */
  jobWait?: WaitForJobOptions<CallingManageNumbersJob>;
}

/** What each step produced. */
export interface CallingProvisioningResult {
  location: Location;
  /** The location's calling details, once enabled for calling. */
  callingLocation: CallingLocation;
  /** The numbers added: those the validation found available. */
  addedNumbers: string[];
  /** The first added number, as the location's numbers list it. */
  mainNumber: CallingNumber | undefined;
  /** The job that brought `numbersToMove` over, once ended; undefined without `numbersToMove`. */
  numbersJob: CallingManageNumbersJob | undefined;
  person: Person;
  queue: CallingCallQueue;
  autoAttendant: CallingAutoAttendant;
}

const DEFAULTS = {
  phoneNumbers: ['+14085551300', '+14085551301'],
  userEmail: 'ana@example.com',
  queue: { name: 'Support', extension: '2100' },
  autoAttendant: { name: 'Main Menu', extension: '2000' },
  businessScheduleName: 'Office hours',
};

/**
 * Enables a location for Webex Calling, adds phone numbers to it (and moves others over, when asked), makes a user
 * the agent of a new call queue, forwards the user's unanswered calls to that queue, and puts an auto attendant on the
 * main number whose key 1 reaches the queue. Each step uses what the previous ones answered.
 */
export async function run(webex: Webex, options: CallingProvisioningOptions = {}): Promise<CallingProvisioningResult> {
  const location = await findLocation(webex, options.locationName);
  const callingLocation = await enableCalling(webex, location);
  const locationId = callingLocation.id;

  const addedNumbers = await addAvailableNumbers(webex, locationId, options.phoneNumbers ?? DEFAULTS.phoneNumbers);
  const mainNumber = await webex.calling.numbers.list({ locationId, phoneNumber: addedNumbers[0], max: 1 }).first();
  const numbersJob = options.numbersToMove
    ? await moveNumbers(webex, locationId, options.numbersToMove, options.jobWait)
    : undefined;

  const person = await findPerson(webex, options.userEmail ?? DEFAULTS.userEmail);
  const queue = await createQueue(webex, locationId, person, options.queue ?? DEFAULTS.queue);
  await setUserCalling(webex, person, queue);

  const businessSchedule = options.businessScheduleName ?? DEFAULTS.businessScheduleName;
  await webex.calling.schedules.create(locationId, {
    type: 'businessHours',
    name: businessSchedule,
    events: [
      {
        name: 'Weekdays',
        startDate: '2026-01-05',
        endDate: '2026-01-05',
        startTime: '08:00',
        endTime: '17:00',
        recurrence: { recurWeekly: { monday: true, tuesday: true, wednesday: true, thursday: true, friday: true } },
      },
    ],
  });
  const autoAttendant = await createAutoAttendant(webex, locationId, {
    ...(options.autoAttendant ?? DEFAULTS.autoAttendant),
    phoneNumber: addedNumbers[0]!,
    businessSchedule,
    queueExtension: queue.extension ?? queue.phoneNumber ?? '',
  });

  return { location, callingLocation, addedNumbers, mainNumber, numbersJob, person, queue, autoAttendant };
}

/** The organization's location of that name, or its first. */
async function findLocation(webex: Webex, name: string | undefined): Promise<Location> {
  const location = await webex.locations.list(name ? { name, max: 1 } : { max: 1 }).first();
  if (!location) throw new Error(`Expected a location${name ? ` named "${name}"` : ''} to provision, got none`);
  return location;
}

/** Turns Webex Calling on for the location, with its own name, time zone and address, and reads it back. */
async function enableCalling(webex: Webex, location: Location): Promise<CallingLocation> {
  const address: CallingLocationAddress = typeof location.address === 'object' ? location.address : {};
  const enabled = await webex.calling.locations.enable({
    id: location.id,
    name: location.name ?? location.displayName ?? location.id,
    timeZone: location.timeZone ?? 'America/Los_Angeles',
    preferredLanguage: location.preferredLanguage ?? 'en_us',
    announcementLanguage: location.announcementLanguage ?? 'en_us',
    address,
  });
  return webex.calling.locations.get(enabled.id);
}

/** Adds the numbers Webex finds available (active at once); fails when none is. */
async function addAvailableNumbers(webex: Webex, locationId: string, phoneNumbers: string[]): Promise<string[]> {
  const verdict = await webex.calling.numbers.validate({ phoneNumbers });
  const available = (verdict.numbers ?? [])
    .filter((number) => number.state === 'Available')
    .map((number) => number.number!);
  if (!available.length) {
    const reasons = (verdict.numbers ?? []).map((number) => `${number.number}: ${number.state}`).join(', ');
    throw new Error(`None of the numbers can be added (${reasons})`);
  }
  await webex.calling.numbers.add(locationId, { phoneNumbers: available, numberType: 'DID', state: 'ACTIVE' });
  return available;
}

/** Moves numbers of another location here with a manage numbers job, and waits for it to end. */
async function moveNumbers(
  webex: Webex,
  locationId: string,
  move: { fromLocationId: string; numbers: string[] },
  wait: WaitForJobOptions<CallingManageNumbersJob> = {},
): Promise<CallingManageNumbersJob> {
  const jobs = webex.calling.jobs.manageNumbers;
  const started = await jobs.start({
    operation: 'MOVE',
    targetLocationId: locationId,
    numberList: [{ locationId: move.fromLocationId, numbers: move.numbers }],
  });
  return waitForJob(jobs, started, { deadline: 10 * 60_000, ...wait });
}

async function findPerson(webex: Webex, email: string): Promise<Person> {
  const person = await webex.people.list({ email, max: 1 }).first();
  if (!person) throw new Error(`Expected a person with the email ${email}, got none`);
  return person;
}

/** A call queue at the location with the person as its one agent, read back for its extension. */
async function createQueue(
  webex: Webex,
  locationId: string,
  agent: Person,
  queue: { name: string; extension: string },
): Promise<CallingCallQueue> {
  const created = await webex.calling.callQueues.create(locationId, {
    name: queue.name,
    extension: queue.extension,
    callPolicies: { policy: 'CIRCULAR' },
    queueSettings: { queueSize: 10 },
    agents: [{ id: agent.id }],
  });
  return webex.calling.callQueues.get(locationId, created.id);
}

/** The person's unanswered calls go to the queue after three rings, busy ones to voicemail; call waiting on. */
async function setUserCalling(webex: Webex, person: Person, queue: CallingCallQueue): Promise<void> {
  await webex.calling.people.callForwarding.update(person.id, {
    callForwarding: {
      busy: { enabled: true, destinationVoicemailEnabled: true },
      noAnswer: { enabled: true, destination: queue.extension ?? queue.phoneNumber, numberOfRings: 3 },
    },
  });
  await webex.calling.people.callWaiting.update(person.id, { enabled: true });
}

/** An auto attendant on the main number: key 1 reaches the queue in business hours, the directory by name after. */
async function createAutoAttendant(
  webex: Webex,
  locationId: string,
  settings: { name: string; extension: string; phoneNumber: string; businessSchedule: string; queueExtension: string },
): Promise<CallingAutoAttendant> {
  const created = await webex.calling.autoAttendants.create(locationId, {
    name: settings.name,
    extension: settings.extension,
    phoneNumber: settings.phoneNumber,
    businessSchedule: settings.businessSchedule,
    businessHoursMenu: {
      greeting: 'DEFAULT',
      extensionEnabled: true,
      keyConfigurations: { key: '1', action: 'TRANSFER_WITHOUT_PROMPT', value: settings.queueExtension },
    },
    afterHoursMenu: {
      greeting: 'DEFAULT',
      extensionEnabled: false,
      keyConfigurations: { key: '1', action: 'NAME_DIALING' },
    },
  });
  return webex.calling.autoAttendants.get(locationId, created.id);
}

/** Runs the provisioning from the command line and prints what it did. */
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
    const result = await run(webex, {
      ...(process.env.WEBEX_LOCATION_NAME ? { locationName: process.env.WEBEX_LOCATION_NAME } : {}),
      ...(process.env.WEBEX_USER_EMAIL ? { userEmail: process.env.WEBEX_USER_EMAIL } : {}),
      jobWait: { onProgress: (job) => console.log(`  numbers job ${job.latestExecutionStatus}`) },
    });
    console.log(`Location "${result.callingLocation.name}" enabled for calling (${result.callingLocation.id})`);
    console.log(`Numbers added: ${result.addedNumbers.join(', ')} (${result.mainNumber?.state ?? 'not listed yet'})`);
    console.log(`Call queue "${result.queue.name}" at ${result.queue.extension}, agent ${result.person.displayName}`);
    console.log(`Auto attendant "${result.autoAttendant.name}" on ${result.autoAttendant.phoneNumber}`);
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
