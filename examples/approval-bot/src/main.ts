// Runs the approval bot against Webex: registers its webhooks, serves the receiver and posts one approval request.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Webex, WebexError, ensureWebhook } from '@webex-ts/client';
import { createApprovalBot } from './bot.js';

/** Reads the settings, registers the webhook, listens and posts the card. */
async function main(): Promise<void> {
  const {
    WEBEX_ACCESS_TOKEN: token,
    WEBEX_ROOM_ID: roomId,
    PUBLIC_URL: publicUrl,
    WEBHOOK_SECRET: secret,
  } = process.env;
  if (!token || !roomId || !publicUrl || !secret) {
    console.error(
      'Set WEBEX_ACCESS_TOKEN (the bot token), WEBEX_ROOM_ID (a room the bot is in), PUBLIC_URL (where Webex reaches this process) and WEBHOOK_SECRET.\n' +
        'Without Webex, run it against the bundled mock and a local webhook sender: pnpm exec vitest run --project client examples/approval-bot',
    );
    process.exitCode = 2;
    return;
  }
  const webex = new Webex({ accessToken: token });
  try {
    const me = await webex.people.me();
    await ensureWebhook(webex, {
      name: 'approval-bot card submits',
      targetUrl: publicUrl,
      resource: 'attachmentActions',
      event: 'created',
      secret,
    });
    // Only the approval room's messages: in a group room Webex sends the bot only those that mention it.
    await ensureWebhook(webex, {
      name: 'approval-bot files',
      targetUrl: publicUrl,
      resource: 'messages',
      event: 'created',
      filter: `roomId=${roomId}`,
      secret,
    });
    const downloadDir = resolve(process.env.DOWNLOAD_DIR ?? 'downloads');
    const bot = createApprovalBot({
      webex,
      roomId,
      secret,
      botId: me.id!,
      downloadDir,
      ...(process.env.MAX_FILE_MB ? { maxFileBytes: Math.round(Number(process.env.MAX_FILE_MB) * 1024 * 1024) } : {}),
      onError: (error) => console.error('delivery or file download failed:', error),
    });
    const { url } = await bot.listen(Number(process.env.PORT ?? 8080), '0.0.0.0');
    console.log(`Listening on ${url} (Webex posts to ${publicUrl}); files posted in the room go to ${downloadDir}`);
    const card = await bot.requestApproval({
      build: process.env.BUILD ?? '412',
      environment: process.env.ENVIRONMENT ?? 'production',
    });
    console.log(`Approval card posted (${card.id}); waiting for the answer. Ctrl-C to stop.`);
  } catch (error) {
    if (!(error instanceof WebexError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main();
