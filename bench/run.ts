/**
 * `npm run bench`: the graph's speed and memory, printed against their targets (never a timed test).
 *   npm run bench               → both sections
 *   npm run bench -- gateway    → the gateway over the replicas at ×1: caches, first asks, warm load, soak
 *   npm run bench -- volume     → real volumes: ×100 of every city and ×1000 of Helsinki (bench/volume.ts)
 * wrk (Debian package `wrk`) generates the load.
 */
import { runGateway } from './gateway';
import { requireWrk } from './tools';
import { runVolume } from './volume';

const SECTIONS: Record<string, () => Promise<string[]>> = { gateway: runGateway, volume: runVolume };

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !SECTIONS[a]);
  if (unknown.length) throw new Error(`Unknown bench section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}.`);
  requireWrk();
  const output: string[] = ['City Decision Graph benchmark', ''];
  for (const name of asked.length ? asked : Object.keys(SECTIONS)) {
    output.push(...(await SECTIONS[name]()), '');
    // Each section's figures as soon as they are known (the volume section takes minutes).
    console.log(output.splice(0).join('\n'));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
