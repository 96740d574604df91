/**
 * The conformance kit: `npm run conformance -- <subgraph URL> [--city <id>] [--only rule,…] [--json]`.
 * A city runs it against its own subgraph (its /graphql endpoint) until every rule passes; it exits
 * 0 only then. The rules are in scripts/conformance/checks/, one function each.
 */
import { CHECKS, formatReport, runConformance, SERVICE_RULE } from './conformance/runner';

export { CHECKS, formatReport, runConformance } from './conformance/runner';
export type { ConformanceOptions, ConformanceReport } from './conformance/runner';
export type { CheckResult } from './conformance/types';

const USAGE = `Usage: npm run conformance -- <subgraph URL> [--city <id>] [--only <rule>,…] [--json]

Checks a city subgraph (e.g. http://127.0.0.1:4001/graphql) against the contract. Rules:
${[SERVICE_RULE, ...CHECKS].map((c) => `  ${c.rule.padEnd(22)} ${c.summary}`).join('\n')}`;

export function parseArgs(argv: string[]): { url?: string; city?: string; only?: string[]; json: boolean; help: boolean; error?: string } {
  const out: ReturnType<typeof parseArgs> = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--json') out.json = true;
    else if (a === '--city' || a === '--only') {
      const v = argv[++i];
      if (!v) return { ...out, error: `${a} needs a value` };
      if (a === '--city') out.city = v;
      else out.only = v.split(',').map((r) => r.trim()).filter(Boolean);
    } else if (a.startsWith('--city=')) out.city = a.slice(7);
    else if (a.startsWith('--only=')) out.only = a.slice(7).split(',').map((r) => r.trim()).filter(Boolean);
    else if (a.startsWith('-')) return { ...out, error: `unknown option ${a}` };
    else if (!out.url) out.url = a;
    else return { ...out, error: `unexpected argument ${a}` };
  }
  if (out.only) {
    const unknown = out.only.filter((r) => !CHECKS.some((c) => c.rule === r));
    if (unknown.length) return { ...out, error: `unknown rule(s) ${unknown.join(', ')}` };
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.error || !args.url) {
    console.error(`${args.error ?? 'give the subgraph URL'}\n\n${USAGE}`);
    return 2;
  }
  try {
    new URL(args.url);
  } catch {
    console.error(`${JSON.stringify(args.url)} is not a URL\n\n${USAGE}`);
    return 2;
  }
  const report = await runConformance({ url: args.url, city: args.city, only: args.only });
  console.log(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
