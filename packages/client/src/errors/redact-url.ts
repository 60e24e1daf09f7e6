// Errors and log lines name the URL a request went to, and a URL can carry a token in its query: they show this form.
const SECRET_PARAM = /token|secret|code|password|key|signature|jwt/i;

/** A URL safe to show: secret-looking query values replaced by `REDACTED`, credentials dropped. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, 'REDACTED');
  }
  return url.href;
}
