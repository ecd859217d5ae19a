# syntax=docker/dockerfile:1
# Tally's image: the Spring Boot jar on a JRE 17, run as an unprivileged user. One image serves every role
# (TALLY_ROLES=web, worker or web,worker). Not built on the project's machines (no Docker engine there);
# .ci/check-deploy checks what it can without one.

# --- build: Maven compiles and packages target/tally.jar; tests run in CI, not here ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src ./src
# the cache mount keeps ~/.m2 between builds without baking it into a layer
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -Dmaven.test.skip=true

# --- run: the JRE, the extracted jar and its class data sharing archive, nothing else ---
FROM eclipse-temurin:17-jre-alpine
# a fixed numeric uid/gid, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd
RUN addgroup -S -g 10001 tally && adduser -S -D -H -u 10001 -G tally -h /app tally \
    && mkdir -p /app/data && chown tally:tally /app/data
WORKDIR /app
COPY --from=build --chown=root:root /src/target/tally.jar /app/tally.jar
COPY --chown=root:root cluster/cds /usr/local/bin/tally-cds

# heap at half the container's memory limit (256 MB of compose's 512 MB): the other half is metaspace,
# threads, buffers and code. An OutOfMemoryError ends the process so the restart policy replaces it,
# instead of leaving a half-working JVM holding queue messages.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8080

# Class data sharing, as make run and cluster/up do (docs/deployment.md): the script they use extracts the jar
# and records the classes a start loads in a training run for an external broker and store, as compose and
# Kubernetes run it (given addresses nothing listens on: it connects to neither), with this JRE and the
# container's JVM options; MaxRAM keeps the build's heap under 32 GB, so compressed oops match the containers' and
# the archive stays valid. The build fails when the training run did not leave an archive, or when the script's
# java arguments are no longer the ENTRYPOINT's. The archive checks the jars' timestamps: nothing below may touch
# /app/cds.
RUN JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -XX:MaxRAM=1g" tally-cds /app/tally.jar /app/cds external > /tmp/cds-args \
    && test "$(cat /tmp/cds-args)" = "-XX:SharedArchiveFile=/app/cds/external.jsa -Xshare:auto -jar /app/cds/app/tally.jar" \
    || { cat /app/cds/extract.log /app/cds/external.jsa.log; exit 1; }; \
    rm -rf /tmp/cds-args /app/cds/*.log /app/tally.jar
USER 10001:10001
EXPOSE 8080

# busybox wget ships with the alpine JRE image (no curl); it exits non-zero on the 503 /health gives when
# MongoDB or RabbitMQ is unreachable. Every role serves /health.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1

# exec form: java is PID 1 and gets SIGTERM itself, so graceful shutdown (TALLY_SHUTDOWN_TIMEOUT_SECONDS) runs.
# The extracted jar with its archive (-Xshare:auto: a JVM that cannot map the archive starts without it).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/cds/external.jsa", "-Xshare:auto", "-jar", "/app/cds/app/tally.jar"]
