'use strict';

/**
 * Preloaded (`node -r`) into the gateway by start-memory.ts: answers a message on the IPC channel
 * with the files the process has required so far and its memory, so the benchmark can say which
 * packages a gateway loads without the gateway knowing it is measured.
 */
process.on('message', (message) => {
  if (message !== 'loaded-modules?') return;
  process.send({ files: Object.keys(require.cache), memory: process.memoryUsage() });
});
// The channel must not keep the gateway alive, nor stop it from exiting on SIGTERM as it does.
process.channel?.unref();
