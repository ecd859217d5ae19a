package dev.tally.web;

/**
 * An answer's bytes in the form its HTTP server writes in one piece with their Content-Length: the bytes themselves
 * for Tomcat, a Vert.x Buffer on the API's own server, which would otherwise copy bytes through an InputStream
 * (a fifth of a 404's CPU, bench/limits.md).
 */
@FunctionalInterface
public interface ResponseBodies {

    Object of(byte[] bytes);
}
