// Runs the approval bot against Webex: reads the settings, starts the bot on the configured transport (serving the
// webhook receiver and registering its webhooks, or connecting the socket) and, when asked, posts one approval card.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Webex, WebexError } from '@webex-ts/client';
import { RealtimeError } from '@webex-ts/bot';
import { createApprovalBot } from './bot.js';
import { readConfig, USAGE } from './config.js';
import { createTransport, registerWebhooks } from './transport.js';

/** Reads the settings, starts the bot and stops it on Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  const read = readConfig(process.env);
  if (!read.ok) {
    console.error(`${read.problems.join('\n')}\n\n${USAGE}`);
    console.error(
      '\nWithout Webex, its tests run it against the bundled mock: pnpm exec vitest run --project client examples/approval-bot',
    );
    process.exitCode = 2;
    return;
  }
  const { config } = read;
  const webex = new Webex({ accessToken: config.accessToken });
  const chosen = createTransport(config.transport, config.accessToken);
  const downloadDir = resolve(config.downloadDir);
  const approval = createApprovalBot({
    webex,
    transport: chosen.transport,
    roomId: config.roomId,
    approvers: config.approvers,
    downloadDir,
    ...(config.maxFileBytes === undefined ? {} : { maxFileBytes: config.maxFileBytes }),
    onError: (error) => console.error('approval-bot:', error),
  });
  try {
    const me = await approval.bot.start();
    if (chosen.kind === 'webhook' && config.serving) {
      const { publicUrl, port } = config.serving;
      const { url } = await chosen.transport.listen({ port });
      await registerWebhooks(webex, chosen.transport, publicUrl, config.roomId);
      console.log(`${me.displayName ?? 'The bot'} listens on ${url}; Webex posts to ${publicUrl}`);
    } else {
      console.log(`${me.displayName ?? 'The bot'} is connected over the socket (experimental)`);
    }
    console.log(`Files posted in the room go to ${downloadDir}. Ctrl-C stops.`);
    if (config.deploy) {
      const card = await approval.requestApproval(config.deploy);
      console.log(`Approval card posted (${card.id}).`);
    }
  } catch (error) {
    await approval.bot.stop({ timeout: 1000 });
    // Webex refused something (the token, a webhook) or the socket could not connect: say what, without a stack.
    if (!(error instanceof WebexError || error instanceof RealtimeError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return;
  }
  const stop = async () => {
    const { abandoned } = await approval.bot.stop();
    if (abandoned > 0) console.error(`${abandoned} event(s) were still being handled and were left unanswered`);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main();
