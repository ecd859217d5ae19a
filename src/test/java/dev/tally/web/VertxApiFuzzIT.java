package dev.tally.web;

import org.springframework.test.context.TestPropertySource;

/** The fuzzed requests, against the API's own Vert.x server (tally.api.port) instead of Tomcat. */
@TestPropertySource(properties = "tally.api.port=0")
class VertxApiFuzzIT extends ApiFuzzIT {}
