package dev.tally.web;

import org.springframework.test.context.TestPropertySource;

/** Oversized bodies, against the API's own Vert.x server (tally.api.port) instead of Tomcat. */
@TestPropertySource(properties = "tally.api.port=0")
class VertxOversizedBodyIT extends OversizedBodyIT {}
