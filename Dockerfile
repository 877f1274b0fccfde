# syntax=docker/dockerfile:1
# A thin wrapper around the steps CI runs on every change: `npm ci`, `npm run build` (which makes the
# standalone server), `npm run db:migrate`, and the standalone server that `npm start` runs.
# No container engine runs on the CI machines, so CI proves those steps, not this file: keep it thin.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Also the image of the one-shot migration service (compose.yaml): it has the sources and tsx.
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app --home-dir /app app
# Only the standalone output: server.js, the traced node_modules, .next (static chunks included) and drizzle/.
COPY --from=build --chown=app:app /app/.next/standalone ./
USER app
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
