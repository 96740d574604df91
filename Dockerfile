# syntax=docker/dockerfile:1
# The one image every node service of docker-compose.yml runs (the gateway, each city's subgraph and
# replica), the service chosen by its command. `docker compose up --build` builds it; alone:
#   docker build -t city-decision-graph:local .
# Secrets (HELSINKI_AHJO_TOKEN, …) come from the environment at run time, never from the image.

# ---- build: exactly what package-lock.json pins, and the pages -----------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
# As .ci/run does: `npm ci` runs `prepare` (npm run build: the pages into web/dist, bundled by
# esbuild); esbuild's own install script only checks the binary its platform package ships (offline).
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
# The services run their TypeScript through tsx (a dependency); the dev tools go.
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies, the sources, the built pages and the replicas' data -------
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/cities.yaml ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/gateway gateway
COPY --from=build /app/subgraphs subgraphs
COPY --from=build /app/schema schema
COPY --from=build /app/scripts scripts
COPY --from=build /app/topics topics
COPY --from=build /app/replicas replicas
COPY --from=build /app/web/dist web/dist
COPY --from=build /app/deploy/healthcheck.mjs deploy/healthcheck.mjs
# The code stays root's (read-only to the service); only .data, where a subgraph without
# DATABASE_URL keeps its PGlite store, is the service user's.
RUN mkdir .data && chown node:node .data
USER node
# The default command is the gateway, listening on every interface of the container.
ENV HOST=0.0.0.0 PORT=4000 HEALTH_PORT=4000
EXPOSE 4000
# GET /health on HEALTH_PORT (each service's own port: compose sets it per service).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.mjs"]
CMD ["node", "--import", "tsx", "gateway/index.ts"]
