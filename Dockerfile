# One image for every service; docker-compose picks the entry point per container.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# Everything at once: every workspace (subgraphs/* included) installs without a line per package here.
COPY . .
RUN npm install --no-audit --no-fund
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "--no-memory-reducer", "scripts/dist/start.js"]
