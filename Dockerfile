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

# --- run: the JRE and the jar, nothing else ---
FROM eclipse-temurin:17-jre-alpine
# a fixed numeric uid/gid, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd
RUN addgroup -S -g 10001 tally && adduser -S -D -H -u 10001 -G tally -h /app tally \
    && mkdir -p /app/data && chown tally:tally /app/data
WORKDIR /app
COPY --from=build --chown=root:root /src/target/tally.jar /app/tally.jar
USER 10001:10001

# heap at half the container's memory limit (256 MB of compose's 512 MB): the other half is metaspace,
# threads, buffers and code. An OutOfMemoryError ends the process so the restart policy replaces it,
# instead of leaving a half-working JVM holding queue messages.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8080
EXPOSE 8080

# busybox wget ships with the alpine JRE image (no curl); it exits non-zero on the 503 /health gives when
# MongoDB or RabbitMQ is unreachable. Every role serves /health.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1

# exec form: java is PID 1 and gets SIGTERM itself, so graceful shutdown (TALLY_SHUTDOWN_TIMEOUT_SECONDS) runs
ENTRYPOINT ["java", "-jar", "/app/tally.jar"]
