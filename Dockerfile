# syntax=docker/dockerfile:1
# The API and the console, compiled, on Node without the build tools: docs/operations.md.
#   docker build -t tangtoc .
#   docker run -p 4000:4000 -v tangtoc-data:/data tangtoc                      # embedded database in /data
#   docker run -p 4000:4000 -e DATABASE_URL=postgresql://… -e REDIS_URL=redis://… tangtoc
ARG NODE_IMAGE=node:20.19-bookworm-slim

# pnpm and the workspace's manifests: the dependencies install from these alone, so that a change of
# source reuses the installed layers.
FROM ${NODE_IMAGE} AS manifests
ENV CI=true TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
RUN npm install --global pnpm@10.34.9
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/console/package.json apps/console/
COPY packages/db/package.json packages/db/
COPY packages/shared/package.json packages/shared/

FROM manifests AS build
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
  pnpm install --frozen-lockfile --ignore-scripts
COPY . .
# Generates the Prisma client and the console's documents, then compiles everything.
RUN pnpm generate && pnpm build

# The API's production dependencies alone (the Prisma CLI among them, for migrations), no dev tools.
FROM manifests AS production-dependencies
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
  pnpm install --frozen-lockfile --prod --ignore-scripts --filter "@tangtoc/api..."

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production DATA_DIR=/data PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/packages/shared/package.json ./packages/shared/
COPY --from=build /app/packages/shared/dist ./packages/shared/dist
COPY --from=build /app/packages/db/package.json /app/packages/db/prisma.config.ts ./packages/db/
COPY --from=production-dependencies /app/packages/db/node_modules ./packages/db/node_modules
COPY --from=build /app/packages/db/dist ./packages/db/dist
COPY --from=build /app/packages/db/engine ./packages/db/engine
COPY --from=build /app/packages/db/scripts/prisma.mjs ./packages/db/scripts/
COPY --from=build /app/apps/api/package.json ./apps/api/
COPY --from=production-dependencies /app/apps/api/node_modules ./apps/api/node_modules
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/console/dist ./apps/console/dist
# The embedded database (when DATABASE_URL is unset) lives in /data, the only folder the server writes.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is process 1 (the shell execs it) and handles SIGTERM itself: a graceful stop within
# SHUTDOWN_TIMEOUT_SECONDS. Its heap is bounded by API_HEAP_MB (the default as in apps/api/src/config.ts).
CMD ["sh", "-c", "exec node --max-old-space-size=${API_HEAP_MB:-256} --conditions=compiled apps/api/dist/main.js"]
