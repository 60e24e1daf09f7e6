import type { Command } from '../command.js';
import { api } from './api.js';
import { callingWaitJob } from './calling.js';
import { filesGet } from './files.js';
import { messagesList } from './messages.js';
import { peopleFind } from './people.js';
import { roomsFind, roomsList } from './rooms.js';
import { send } from './send.js';
import { webhooksCreate, webhooksDelete, webhooksList } from './webhooks.js';
import { whoami } from './whoami.js';

/** Every command, in the order `webex --help` lists them. */
export const COMMANDS: Command[] = [
  send,
  whoami,
  roomsList,
  roomsFind,
  peopleFind,
  messagesList,
  webhooksList,
  webhooksCreate,
  webhooksDelete,
  filesGet,
  callingWaitJob,
  api,
];
