/** Starts Example City's subgraph: `npm start` (PORT, HOST; default 127.0.0.1:4010). */
import { startSubgraph } from './server';

async function main() {
  const running = await startSubgraph({ port: Number(process.env.PORT ?? 4010), host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Example City subgraph: ${running.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
