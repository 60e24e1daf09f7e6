// The hosts besides webexapis.com, and where each one's origin comes from: the option, then the environment.
import { WebexValidationError } from '../errors/classes.js';
import { CONTACT_CENTER_REGIONS, type WebexOptions } from './options.js';
import { checkBaseUrl, environment } from './settings.js';

/** The environment variable holding the Contact Center region. */
const REGION_VARIABLE = 'WEBEX_CONTACT_CENTER_REGION';
/** The environment variable holding the Contact Center root. */
const BASE_URL_VARIABLE = 'WEBEX_CONTACT_CENTER_BASE_URL';
const OPTION = 'contactCenter';
const EXAMPLE = 'https://api.wxcc-eu1.cisco.com';

/**
 * What to set when no Contact Center origin is configured: the options and variables, as errors and docs say it. A
 * function, not a constant, so that a bundle without Contact Center carries none of it.
 */
export const contactCenterSetting = (): string =>
  `${OPTION}: { region } (${CONTACT_CENTER_REGIONS.join(', ')}) or ${OPTION}: { baseUrl } in the options, or ${REGION_VARIABLE} or ${BASE_URL_VARIABLE} in the environment`;

/**
 * The Contact Center root from a client's options, else the environment (`WEBEX_CONTACT_CENTER_REGION`,
 * `WEBEX_CONTACT_CENTER_BASE_URL`); undefined when neither gives one. A region must be one of the known list, so no
 * value can change the host (`us1.evil.example#` is refused, not sent); a base URL is checked as `baseUrl` is. Giving
 * both a region and a base URL at one level is refused as ambiguous. Errors name the option and never echo the URL.
 */
export function contactCenterBaseUrl(options: WebexOptions): string | undefined {
  const given = options.contactCenter;
  if (given !== undefined) {
    if (given.region !== undefined && given.baseUrl !== undefined) ambiguous(`${OPTION}.region`, `${OPTION}.baseUrl`);
    if (given.baseUrl !== undefined) return baseUrlFrom(given.baseUrl, `${OPTION}.baseUrl`, options);
    if (given.region !== undefined) return regionUrl(given.region, `${OPTION}.region`);
  }
  const region = environment(REGION_VARIABLE);
  const baseUrl = environment(BASE_URL_VARIABLE);
  if (region !== undefined && baseUrl !== undefined) ambiguous(REGION_VARIABLE, BASE_URL_VARIABLE);
  if (baseUrl !== undefined) return baseUrlFrom(baseUrl, BASE_URL_VARIABLE, options);
  if (region !== undefined) return regionUrl(region, REGION_VARIABLE);
  return undefined;
}

/** The origin of a known region; anything else (another case, a dot, a slash, an `@`, a `#`) is refused. */
function regionUrl(region: unknown, name: string): string {
  if (!(CONTACT_CENTER_REGIONS as readonly unknown[]).includes(region)) {
    // Quoted only when it is a plain word: a value that is not could be anything, a URL with a secret included.
    const shown = typeof region === 'string' && /^[A-Za-z0-9]{1,16}$/.test(region) ? ` (got "${region}")` : '';
    throw new WebexValidationError(
      'new Webex',
      name,
      `${name} must be one of ${CONTACT_CENTER_REGIONS.join(', ')}${shown}; for a region not listed, give ${OPTION}: { baseUrl: '${EXAMPLE.replace('eu1', '<region>')}' }`,
    );
  }
  return `https://api.wxcc-${region}.cisco.com`;
}

function baseUrlFrom(raw: string, name: string, options: WebexOptions): string {
  return checkBaseUrl(raw, options.allowInsecureHttp, name, EXAMPLE);
}

function ambiguous(first: string, second: string): never {
  throw new WebexValidationError('new Webex', `${first}|${second}`, `give ${first} or ${second}, not both`);
}
