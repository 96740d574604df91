/** The README's example queries, extracted at build time (scripts/build-web.ts). */
declare module 'virtual:readme-examples' {
  const examples: Array<{ name: string; query: string }>;
  export default examples;
}

/** Style sheets are bundled by esbuild into the page's CSS file. */
declare module '*.css';
