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
# The package's start script, found now (a package without one fails the build) and run without
# npm, which would write its log and cache under the home folder: the image runs on a read-only
# root filesystem (infra/k8s), and the services write nothing to disk (an emptyDir at /tmp is all
# the manifests give them). See infra/docker/start-command.cjs.
COPY infra/docker/start-command.cjs /tmp/start-command.cjs
RUN node /tmp/start-command.cjs "$PACKAGE" > /repo/start.sh && rm /tmp/start-command.cjs
# node's uid and gid in the official image, by number: Kubernetes' runAsNonRoot can verify a
# number, not a name.
USER 1000:1000
CMD ["sh", "/repo/start.sh"]
