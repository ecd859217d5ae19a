package dev.tally.security;

import jakarta.servlet.http.HttpServletRequest;

/** The operator surface by path, compared as Tomcat routes it (decoded and normalised). */
final class OperatorPaths {

    private OperatorPaths() {}

    /** {@code /admin} and below: the console, its files and the admin endpoints. */
    static boolean isAdmin(HttpServletRequest request) {
        String path = pathOf(request);
        return "/admin".equals(path) || path.startsWith("/admin/");
    }

    /** The admin paths and every actuator endpoint (Hawtio, Jolokia, metrics, health). */
    static boolean isOperator(HttpServletRequest request) {
        return isAdmin(request) || pathOf(request).startsWith("/actuator/");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
