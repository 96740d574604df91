/**
 * Builds the gateway's pages (`npm run build`, also run by `npm ci` through `prepare`): the GraphiQL
 * explorer (`/`) and the comparison page (`/compare`) from web/, bundled by esbuild with every
 * dependency from npm into web/dist/, so that the pages work offline (no CDN). Assets get hashed
 * names (web/dist/assets/…), the HTML pages name them; the gateway serves web/dist (gateway/pages.ts).
 *
 * The README's example queries (its ```graphql blocks) become GraphiQL's tabs, each named after the
 * sentence that introduces it in the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build, type Metafile, type Plugin } from 'esbuild';
import { Kind, parse, type DocumentNode } from 'graphql';

const ROOT = path.resolve(__dirname, '..');
export const WEB_SOURCE_DIR = path.join(ROOT, 'web');
export const WEB_DIST_DIR = path.join(WEB_SOURCE_DIR, 'dist');

export interface ExampleQuery {
  /** The tab's name: the query's operation name. */
  name: string;
  query: string;
}

const FILLER = new Set(['a', 'an', 'the', 'in', 'of', 'on', 'to', 'for', 'by', 'with', 'and', 'or', 'its', 'their', 'where', 'is', 'are']);

/** PascalCase of the first words of the sentence that introduces a query, as a GraphQL name. */
function operationName(intro: string, taken: Set<string>): string {
  // The sentence just before the block, up to its first explanation: "Housing decisions of the three
  // cities in one request (…):" → HousingDecisionsOfTheThreeCities.
  const sentences = intro.split(/(?<=[.!?])\s+(?=[A-Z`])/);
  const sentence = sentences[sentences.length - 1].replace(/`[^`]*`/g, ' ').replace(/['’]s\b/g, 's').split(/[(:;]|, with| — /)[0];
  const words: string[] = [...(sentence.match(/[A-Za-z0-9]+/g) ?? [])];
  while (words.length && FILLER.has(words[0].toLowerCase())) words.shift();
  const kept = words.slice(0, 6);
  while (kept.length > 1 && FILLER.has(kept[kept.length - 1].toLowerCase())) kept.pop();
  const base = kept.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Example';
  const safe = /^[0-9]/.test(base) ? `Q${base}` : base;
  let name = safe;
  for (let n = 2; taken.has(name); n++) name = `${safe}${n}`;
  taken.add(name);
  return name;
}

/**
 * The README's ```graphql blocks that are queries (not SDL), each named: an anonymous operation gets
 * the name of the paragraph before it, so that GraphiQL's tab says what the query is for.
 */
export function readmeExamples(readme: string): ExampleQuery[] {
  const lines = readme.split('\n');
  const examples: ExampleQuery[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```graphql') continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) break;
    const text = lines.slice(i + 1, end).join('\n');
    // The paragraph just before the block introduces it.
    const intro: string[] = [];
    for (let j = i - 1; j >= 0 && (lines[j].trim() !== '' || intro.length === 0); j--) if (lines[j].trim() !== '') intro.unshift(lines[j].trim());
    i = end;
    let doc: DocumentNode;
    try {
      doc = parse(text);
    } catch {
      continue; // not GraphQL a client sends (an excerpt, a sketch)
    }
    const operations = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!operations.length || doc.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) continue;
    if (operations.length === 1 && !operations[0].name) {
      const name = operationName(intro.join(' '), taken);
      // Keep the README's layout: only the opening `{` or `query` gets the name.
      const query = /^\s*\{/.test(text) ? text.replace(/^\s*\{/, `query ${name} {`) : text.replace(/^\s*(query|mutation|subscription)\b/, `$1 ${name}`);
      parse(query); // still one valid document
      examples.push({ name, query });
    } else {
      // Named already (several operations in one document must all be named).
      const name = operations[0].name!.value;
      taken.add(name);
      examples.push({ name, query: text });
    }
  }
  return examples;
}

/** `import examples from 'virtual:readme-examples'` in web/ is the README's queries. */
function readmeExamplesPlugin(readmePath: string): Plugin {
  return {
    name: 'readme-examples',
    setup(b) {
      b.onResolve({ filter: /^virtual:readme-examples$/ }, () => ({ path: readmePath, namespace: 'readme-examples' }));
      b.onLoad({ filter: /.*/, namespace: 'readme-examples' }, () => {
        const examples = readmeExamples(fs.readFileSync(readmePath, 'utf8'));
        return { contents: `export default ${JSON.stringify(examples)};`, loader: 'js', watchFiles: [readmePath] };
      });
    },
  };
}

/** The page's HTML: the template with its bundle's hashed script and style sheet. */
function page(template: string, entry: string, metafile: Metafile, outDir: string): string {
  const [out, meta] = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entry) ?? [];
  if (!out || !meta) throw new Error(`esbuild wrote no bundle for ${entry}`);
  const href = (file: string) => '/' + path.relative(outDir, path.resolve(ROOT, file)).split(path.sep).join('/');
  const css = meta.cssBundle ? `<link rel="stylesheet" href="${href(meta.cssBundle)}">` : '';
  const js = `<script type="module" src="${href(out)}"></script>`;
  if (!template.includes('<!-- assets -->')) throw new Error('page template has no <!-- assets --> marker');
  return template.replace('<!-- assets -->', `${css}\n    ${js}`);
}

export interface WebBuild {
  outDir: string;
  /** The pages written, relative to outDir. */
  pages: string[];
  examples: ExampleQuery[];
}

/** Builds every page into `outDir` (replacing what was there). */
export async function buildWeb(outDir = WEB_DIST_DIR): Promise<WebBuild> {
  const readmePath = path.join(ROOT, 'README.md');
  const entries = { graphiql: path.join(WEB_SOURCE_DIR, 'graphiql', 'main.tsx'), compare: path.join(WEB_SOURCE_DIR, 'compare', 'main.ts') };
  const staging = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: path.join(staging, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [readmeExamplesPlugin(readmePath)],
  });
  const pages: Array<[string, string, string]> = [
    ['index.html', path.join(WEB_SOURCE_DIR, 'graphiql', 'index.html'), entries.graphiql],
    ['compare.html', path.join(WEB_SOURCE_DIR, 'compare', 'index.html'), entries.compare],
  ];
  for (const [file, template, entry] of pages) {
    fs.writeFileSync(path.join(staging, file), page(fs.readFileSync(template, 'utf8'), path.relative(ROOT, entry), result.metafile, staging));
  }
  // The build's fingerprint, for a reader (and the tests) to tell builds apart.
  const hash = createHash('sha256').update(JSON.stringify(Object.keys(result.metafile.outputs).sort())).digest('hex').slice(0, 16);
  fs.writeFileSync(path.join(staging, 'build.json'), JSON.stringify({ hash, builtAt: new Date().toISOString() }, null, 2) + '\n');
  // Swap in the new build whole: a gateway serving the old one never sees half of the new one.
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(staging, outDir);
  fs.rmSync(old, { recursive: true, force: true });
  return { outDir, pages: pages.map(([file]) => file), examples: readmeExamples(fs.readFileSync(readmePath, 'utf8')) };
}

if (require.main === module) {
  const started = Date.now();
  buildWeb().then(
    (b) => console.log(`web: built ${b.pages.join(', ')} into ${path.relative(ROOT, b.outDir)}/ with ${b.examples.length} README example queries in ${Date.now() - started} ms`),
    (err) => {
      console.error(`web: build failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
