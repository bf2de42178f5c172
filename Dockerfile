# syntax=docker/dockerfile:1
# afterword in a container: the final image is the static binary, CA certificates and nothing
# else (no shell, no package manager). Use (docs/install.md):
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

# Stage 2: nothing but the binary and the CA bundle (for HTTPS, e.g. `afterword notify`).
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /src/target/release/afterword /usr/local/bin/afterword
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/afterword"]
CMD ["build"]
