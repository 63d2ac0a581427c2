# One image per workspace package (a subgraph service or the gateway), chosen with PACKAGE:
#   docker build --build-arg PACKAGE=@klynge/clusters .
# ALSO names workspaces built into the same image beside it (the gateway serves the dashboard's
# files: ALSO=@klynge/dashboard). turbo prune cuts the monorepo down to those packages and the
# workspaces they depend on.
FROM node:24-bookworm-slim AS prune
ARG PACKAGE
ARG ALSO=""
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune "$PACKAGE" $ALSO --docker

FROM node:24-bookworm-slim AS build
ARG PACKAGE
ARG ALSO=""
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
RUN npm ci
COPY --from=prune /repo/out/full/ ./
RUN npx turbo run build --filter="$PACKAGE" $(for also in $ALSO; do printf -- '--filter=%s ' "$also"; done) && npm prune --omit=dev

FROM node:24-bookworm-slim
ARG PACKAGE
ENV NODE_ENV=production PACKAGE=$PACKAGE
WORKDIR /repo
COPY --from=build /repo ./
USER node
CMD ["sh", "-c", "exec npm start --workspace \"$PACKAGE\""]
