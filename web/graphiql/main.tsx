/**
 * `/`: GraphiQL on the gateway's /graphql, bundled from npm (no CDN), with the README's example
 * queries as its first tabs.
 */
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import './graphiql.css';
import examples from 'virtual:readme-examples';
import { GRAPHQL_PATH } from '../shared/graphql';

/** Runs an operation with the headers of GraphiQL's headers editor; errors come back as GraphQL errors. */
const fetcher: GraphiQLProps['fetcher'] = async (params, opts) => {
  const res = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(opts?.headers as Record<string, string> | undefined) },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 500)}` }] };
  }
};

/**
 * GraphiQL keeps its tabs in localStorage; under a key of this set of examples, so that a gateway
 * whose README gained or changed examples opens with those instead of a visitor's stale tabs.
 */
function examplesStorage(): Storage {
  let h = 5381;
  for (const c of JSON.stringify(examples)) h = ((h * 33) ^ c.charCodeAt(0)) >>> 0;
  const prefix = `city-decision-graph:${h.toString(36)}:`;
  const ours = () => Object.keys(localStorage).filter((k) => k.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    key: (i) => ours()[i]?.slice(prefix.length) ?? null,
    get length() {
      return ours().length;
    },
    clear: () => ours().forEach((k) => localStorage.removeItem(k)),
  };
}

function Explorer() {
  return (
    <GraphiQL fetcher={fetcher} defaultTabs={examples.map((e) => ({ query: e.query }))} storage={examplesStorage()} defaultEditorToolsVisibility={false}>
      <GraphiQL.Logo>
        <span className="cdg-title">City Decision Graph</span>{' '}
        <a className="cdg-link" href="/compare">
          Compare cities
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('graphiql')!).render(<Explorer />);
