# One image per workspace package (a subgraph service or the gateway), chosen with PACKAGE:
#   docker build --build-arg PACKAGE=@klynge/clusters .
# turbo prune cuts the monorepo down to that package and the workspaces it depends on.
FROM node:24-bookworm-slim AS prune
ARG PACKAGE
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune "$PACKAGE" --docker

FROM node:24-bookworm-slim AS build
ARG PACKAGE
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
RUN npm ci
COPY --from=prune /repo/out/full/ ./
RUN npx turbo run build --filter="$PACKAGE" && npm prune --omit=dev

FROM node:24-bookworm-slim
ARG PACKAGE
ENV NODE_ENV=production PACKAGE=$PACKAGE
WORKDIR /repo
COPY --from=build /repo ./
USER node
CMD ["sh", "-c", "exec npm start --workspace \"$PACKAGE\""]
