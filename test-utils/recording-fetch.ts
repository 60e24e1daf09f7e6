// A fetch for clients pointed at the Prism mock: it records each request and every spec violation Prism reports.

/** One request as it went to the mock. */
export interface SentRequest {
  /** `METHOD /path`. */
  line: string;
  query: URLSearchParams;
  /** The JSON body, parsed; undefined when there was none. */
  body: unknown;
}

/** The fetch to give a client, with what it saw. */
export function recordingFetch() {
  const sent: SentRequest[] = [];
  const violations: string[] = [];
  const fetchAndRecord = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const type = request.headers.get('content-type') ?? '';
    const text = request.body && type.includes('json') ? await request.clone().text() : '';
    sent.push({
      line: `${request.method} ${url.pathname}`,
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    });
    const response = await fetch(request);
    const flagged = response.headers.get('sl-violations');
    if (flagged) violations.push(`${request.method} ${request.url}: ${flagged}`);
    return response;
  };
  return { fetch: fetchAndRecord, sent, violations };
}
