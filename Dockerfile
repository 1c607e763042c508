# One image for every service; docker-compose picks the entry point per container.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig*.json ./
COPY kit/package.json kit/
COPY testkit/package.json testkit/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/activity/package.json subgraphs/activity/
COPY router/package.json router/
COPY rest-adapter/package.json rest-adapter/
COPY scripts/package.json scripts/
COPY bench/package.json bench/
RUN npm install --no-audit --no-fund
COPY . .
RUN npx tsc -b && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "scripts/dist/start.js"]
