/**
 * The hosts besides the root's server (webexapis.com) that the client can route operations to, by the name its
 * options and operation table use, each with the server its resource files declare. A new host needs its options in
 * the client too (`packages/client/src/config/hosts.ts`, `HostName`), which the generated table is checked against.
 */
export const HOSTS: Readonly<Record<string, string>> = {
  contactCenter: 'https://api.wxcc-{region}.cisco.com',
  callingAnalytics: 'https://analytics-calling.webexapis.com',
};

/** The host whose server this is; undefined for any other URL. */
export function hostOfServer(server: string | undefined): string | undefined {
  return server === undefined ? undefined : Object.keys(HOSTS).find((host) => HOSTS[host] === server);
}
