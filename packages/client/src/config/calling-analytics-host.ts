// Where Calling analytics operations go: the option, then the environment, then the commercial host.
import { WebexValidationError } from '../errors/classes.js';
import type { WebexOptions } from './options.js';
import { checkBaseUrl, environment } from './settings.js';

/** The Calling analytics host of commercial organizations, which needs no setting. */
const CALLING_ANALYTICS_BASE_URL = 'https://analytics-calling.webexapis.com';
/** The Calling analytics host of organizations on Webex for Government. */
const CALLING_ANALYTICS_GOVERNMENT_BASE_URL = 'https://analytics-calling-gov.webexapis.com';

/** The environment variable holding the Calling analytics root. */
const BASE_URL_VARIABLE = 'WEBEX_CALLING_ANALYTICS_BASE_URL';
const OPTION = 'callingAnalytics';

/**
 * The Calling analytics root from a client's options (`government`, `baseUrl`), else the environment
 * (`WEBEX_CALLING_ANALYTICS_BASE_URL`), else the commercial host: unlike Contact Center's, the host does not depend on
 * where the organization lives, so there is always one. A base URL is checked as `baseUrl` is, and the error names the
 * option without echoing the URL. `government: true` beside a base URL is refused: the two name different hosts.
 */
export function callingAnalyticsBaseUrl(options: WebexOptions): string {
  const given = options.callingAnalytics;
  if (given?.government === true && given.baseUrl !== undefined) {
    throw new WebexValidationError(
      'new Webex',
      `${OPTION}.government|${OPTION}.baseUrl`,
      `give ${OPTION}.government or ${OPTION}.baseUrl, not both`,
    );
  }
  if (given?.baseUrl !== undefined) return baseUrlFrom(given.baseUrl, `${OPTION}.baseUrl`, options);
  if (given?.government === true) return CALLING_ANALYTICS_GOVERNMENT_BASE_URL;
  const fromEnvironment = environment(BASE_URL_VARIABLE);
  if (fromEnvironment !== undefined) return baseUrlFrom(fromEnvironment, BASE_URL_VARIABLE, options);
  return CALLING_ANALYTICS_BASE_URL;
}

function baseUrlFrom(raw: string, name: string, options: WebexOptions): string {
  return checkBaseUrl(raw, options.allowInsecureHttp, name, CALLING_ANALYTICS_BASE_URL);
}
