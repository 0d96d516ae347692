// Preloaded (node --import) into every Astro run the npm scripts start: when the command that started it
// dies — even by SIGKILL, which it cannot catch — the IPC channel to it closes and this build stops too,
// instead of building on into a release folder or `.astro/` that the next run is about to use.
const channel = process.channel;
if (channel) {
  process.on('disconnect', () => {
    console.error('✗ 启动 Astro 的命令已经结束，Astro 随之停止。');
    process.exit(1);
  });
  // Listening must not keep a finished build alive.
  channel.unref();
}
