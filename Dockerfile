# syntax=docker/dockerfile:1
# afterword in a container: the final image is the static binary and nothing else (no shell, no
# package manager, no CA bundle: `afterword notify` carries its TLS roots, webpki-roots, inside
# the binary). Use (docs/install.md):
#
#   docker build -t afterword .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" afterword build
#
# Stage 1 builds a static binary against musl; the official Rust Alpine image already has
# gcc and musl-dev, which mimalloc's C part needs.
FROM rust:1.95-alpine3.22 AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
 && strip target/release/afterword \
 && ./target/release/afterword --version

# Stage 2: nothing but the binary.
FROM scratch
COPY --from=build /src/target/release/afterword /usr/local/bin/afterword
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/afterword"]
CMD ["build"]
