# Tally: make help lists the targets.
MVN ?= mvn -B -q
JAR := target/tally.jar

.PHONY: help build run run-java-opts store routes test test-unit test-it test-browser chaos bench-count bench-inline clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

build: ## compile and package target/tally.jar (no tests)
	$(MVN) package -DskipTests

# C1 only: a start costs half the CPU (8.7-10.2 s against 19.7-21.9 s to a healthy /health, bench/limits.md);
# a local run needs its start more than C2's peak throughput
RUN_JAVA_OPTS := -XX:TieredStopAtLevel=1

run: build ## run Tally on :8080 with web and worker roles, embedded broker and MongoDB unless configured
	@# class data sharing from a training run (cluster/cds): the first run after a build takes one start longer
	java $(RUN_JAVA_OPTS) $$(cluster/cds $(JAR) target/cds)

run-java-opts: # for bench/coldstart.sh, which times make run's java command
	@echo $(RUN_JAVA_OPTS)

store: build ## run the MongoDB wire server alone (TALLY_STORE_PORT 27017, TALLY_STORE_DATA_DIR ./data/store)
	java -cp $(JAR) -Dloader.main=dev.tally.store.StoreServer org.springframework.boot.loader.launch.PropertiesLauncher

routes: ## copy the built-in route files to ./routes to edit live (TALLY_ROUTES_DIR=./routes make run); keeps edited files
	@mkdir -p routes
	@for built_in in src/main/resources/routes/*.camel.yaml; do \
	  copy=routes/$$(basename $$built_in); \
	  if [ ! -e $$copy ]; then cp $$built_in $$copy && echo "copied $$copy"; \
	  elif cmp -s $$built_in $$copy; then echo "unchanged $$copy"; \
	  else echo "kept $$copy: it differs from $$built_in (delete it to start again from the built-in one)"; fi; \
	done

test: ## unit and integration tests, then the browser test where chromium is installed or on CI (needs RabbitMQ on 127.0.0.1:5672)
	mvn -B verify
	@if [ -x /usr/bin/chromium ] || [ -n "$$CI" ]; then src/test/browser/run.sh; \
	else echo "test-browser skipped: no /usr/bin/chromium (make test-browser installs it)"; fi

test-unit: ## unit tests only
	mvn -B test

test-it: ## integration tests only (real RabbitMQ, MongoDB wire server, local document server)
	mvn -B verify -DskipUnitTests=true

chaos: ## every fault test under load (kill -9, broker cut, MongoDB outage, poison, SIGTERM); figures in target/chaos-figures.txt
	rm -f target/chaos-figures.txt
	mvn -B verify -Pchaos -DskipUnitTests=true

test-browser: ## the web console and Hawtio in headless chromium against the packaged jar (installs chromium and playwright-core if missing)
	$(MVN) package -DskipTests
	src/test/browser/run.sh

bench-count: ## tokenizer and HTML extraction throughput (JMH)
	$(MVN) test-compile
	mvn -B -q exec:java -Dexec.mainClass=dev.tally.bench.BenchCountMain -Dexec.classpathScope=test

bench-inline: ## what an inline word count costs a GET by vocabulary size (JMH), behind tally.results.inline-max-bytes
	$(MVN) test-compile
	mvn -B -q exec:java -Dexec.mainClass=dev.tally.bench.BenchInlineMain -Dexec.classpathScope=test

clean: ## remove build output (keeps ./data)
	$(MVN) clean

# Code quality: none of it runs in make test
.PHONY: coverage format lint
coverage: ## make test's Maven tiers with JaCoCo (unit + IT merged); report in target/site/jacoco/index.html
	mvn -B verify -Pcoverage
	@echo "coverage report: target/site/jacoco/index.html"
format: ## reformat src/main and src/test Java in the project's style (palantir-java-format, 120 columns)
	$(MVN) spotless:apply
lint: ## fail on a formatting difference (make format fixes it) or a PMD bug finding (rules in pmd-rules.xml)
	@# not -q: PMD prints its findings as warnings
	mvn -B -ntp spotless:check test-compile pmd:check

# Docker Compose (docker-compose.yml; cp .env.example .env and set its secrets first), where an engine runs
# Docker's compose plugin, else the standalone docker-compose (Debian's 1.29 takes the same arguments)
COMPOSE ?= $(shell docker compose version >/dev/null 2>&1 && echo 'docker compose' || echo docker-compose)
require-docker = @docker info >/dev/null 2>&1 || { \
	echo "make $@: no Docker engine answers here (docker info failed)."; \
	echo "Without Docker, make cluster runs the same shape natively (nginx, web and worker JVMs, the store; WEB=, WORKERS= too)."; \
	exit 1; }
.PHONY: up down logs
up: ## nginx on :8080 (TALLY_HTTP_PORT) before WEB (2) web and WORKERS (2) worker containers, MongoDB and RabbitMQ
	$(require-docker)
	$(COMPOSE) up -d --build --scale web=$(WEB) --scale worker=$(WORKERS)
down: ## stop and remove the compose containers (volumes with jobs and queued messages are kept)
	$(require-docker)
	$(COMPOSE) down
logs: ## follow the logs of every compose service
	$(require-docker)
	$(COMPOSE) logs -f

.PHONY: check-deploy
test: check-deploy
check-deploy: ## check Dockerfile, compose, nginx and k8s files without a Docker engine (installs what it needs)
	.ci/check-deploy

# Native cluster (cluster/): no Docker needed
WEB ?= 2
WORKERS ?= 2
.PHONY: cluster cluster-down cluster-status test-cluster
cluster: build ## nginx on :8088 before WEB (2) web and WORKERS (2) worker JVMs and the store; returns when healthy
	TALLY_CLUSTER_WEB=$(WEB) TALLY_CLUSTER_WORKERS=$(WORKERS) cluster/up
cluster-down: ## stop exactly the processes make cluster started (pid files under run/cluster)
	cluster/down
cluster-status: ## pid, role, port, alive, memory and health of each cluster process
	cluster/status
test-cluster: ## the cluster end-to-end test alone (ClusterIT: README examples through nginx)
	mvn -B verify -DskipUnitTests=true -Dit.test=ClusterIT
.PHONY: bench
bench: build ## load benchmark on its own cluster in run/bench (WEB, WORKERS; ~14 min): writes and prints bench/report.md
	WEB=$(WEB) WORKERS=$(WORKERS) bench/run
