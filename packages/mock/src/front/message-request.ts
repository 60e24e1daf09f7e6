// What a bot asked for in `POST /messages` or `PUT /messages/{id}`: the fields of a JSON body or of a multipart form,
// and the files a form uploads. Prism has already checked the request against the spec; this only reads it.
import { mediaTypeOf } from './media-types.js';

/** The fields of a message create or edit the mock keeps. */
export interface MessageFields {
  roomId?: string;
  toPersonId?: string;
  toPersonEmail?: string;
  parentId?: string;
  text?: string;
  markdown?: string;
  /** URLs of files to share (a JSON create). */
  files?: string[];
  attachments?: unknown[];
}

/** A file uploaded in a multipart create. */
export interface UploadedFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A message request, read. */
export interface MessageRequest {
  fields: MessageFields;
  uploads: UploadedFile[];
}

const TEXT_FIELDS = ['roomId', 'toPersonId', 'toPersonEmail', 'parentId', 'text', 'markdown'] as const;

/** Reads a JSON or multipart/form-data message request; fields of another type than the spec's are left out. */
export async function readMessageRequest(raw: Buffer, contentType: string | undefined): Promise<MessageRequest> {
  if (contentType !== undefined && /^multipart\/form-data/i.test(contentType)) return readForm(raw, contentType);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    body = {};
  }
  const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const fields: MessageFields = {};
  for (const name of TEXT_FIELDS) {
    const value = given[name];
    if (typeof value === 'string') fields[name] = value;
  }
  if (Array.isArray(given.files)) fields.files = given.files.filter((url) => typeof url === 'string');
  if (Array.isArray(given.attachments)) fields.attachments = given.attachments;
  return { fields, uploads: [] };
}

async function readForm(raw: Buffer, contentType: string): Promise<MessageRequest> {
  // The platform's own multipart parser (undici's), rather than one of ours.
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const fields: MessageFields = {};
  const uploads: UploadedFile[] = [];
  for (const [name, value] of form) {
    if (typeof value !== 'string') {
      // A part without a type of its own comes as octet-stream; the name says more, as it does to Webex.
      const declared = value.type && value.type !== 'application/octet-stream' ? value.type : undefined;
      uploads.push({
        name: value.name,
        contentType: declared ?? mediaTypeOf(value.name),
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
    } else if ((TEXT_FIELDS as readonly string[]).includes(name)) {
      fields[name as (typeof TEXT_FIELDS)[number]] = value;
    }
  }
  return { fields, uploads };
}
