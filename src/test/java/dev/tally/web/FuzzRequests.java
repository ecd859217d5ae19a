package dev.tally.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The requests of {@link ApiFuzzIT}. Request number {@code i} of a seed is always the same request, whatever thread
 * sends it, so a failure is replayed with {@code new FuzzRequests(base).generate(seed, i)}. Every URL a valid body
 * names is on loopback: the document server, or port 1 where nothing listens.
 */
final class FuzzRequests {

    static final int MAX_BODY_BYTES = 65_536;
    private static final String JSON = "application/json";
    private static final int GENERATORS = 7;

    enum Transport {
        CLIENT,
        CHUNKED,
        RAW
    }

    record FuzzRequest(
            String generator,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Transport transport,
            byte[] rawBytes,
            String expected) {

        /** {@code expected} is a status ("413"), "4xx" for any refusal, or null when only the general checks apply. */
        boolean accepts(int status) {
            return expected == null
                    || (expected.equals("4xx") ? status / 100 == 4 : status == Integer.parseInt(expected));
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /**
         * Whether the path names one of the API's routes: /word-count, /word-count/{one segment}, /health. Other
         * spellings (dot segments, path parameters, empty or several segments, characters a URI may not hold) are
         * held only to the unknown-path rule: Tomcat, Spring and the filter do not agree on what they name.
         */
        boolean isApiPath() {
            String path = path();
            String segment = path.replaceFirst("^/word-count/", "").replaceAll("(?i)%2e", ".");
            return path.matches("/word-count(/[\\w.~%!$&'()*+,=:@-]+)?|/health")
                    && !segment.equals(".")
                    && !segment.equals("..");
        }

        /**
         * A chunk size that is no number: HTTP lets a server close the connection instead of answering, and Vert.x
         * does (its connection fails the response before anyone can write it); Tomcat answers 400.
         */
        boolean brokenChunkSize() {
            return rawBytes != null && new String(rawBytes, StandardCharsets.ISO_8859_1).contains("\r\n\r\nzz\r\n");
        }

        /** Tomcat refuses a request head over 8 KB (request line and headers) with a 400 of its own, body or none. */
        boolean headOverTomcatLimit() {
            return wire().length - (body == null ? 0 : body.length)
                    > 8 * 1024 - 256; // the JDK client adds a few headers
        }

        FuzzRequest overRawSocket() {
            return new FuzzRequest(generator, method, target, headers, body, Transport.RAW, rawBytes, expected);
        }

        byte[] wire() {
            if (rawBytes != null) {
                return rawBytes;
            }
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.forEach(header -> head.append(header.getKey())
                    .append(": ")
                    .append(header.getValue())
                    .append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body == null ? new byte[0] : body);
            return out.toByteArray();
        }

        String describe() {
            String headerText = headers.stream()
                    .map(h -> h.getKey() + ": " + abbreviate(h.getValue(), 80))
                    .toList()
                    .toString();
            return generator + " via " + transport + ": " + method + " " + printable(utf8(target), 200)
                    + " headers " + printable(utf8(headerText), 400)
                    + " body " + (body == null ? "none" : body.length + " bytes " + printable(body, 200))
                    + (rawBytes == null ? "" : " raw " + printable(rawBytes, 300));
        }
    }

    private final String documentBase;

    /** {@code documentBase} is the document server's origin, {@code http://127.0.0.1:<port>}. */
    FuzzRequests(String documentBase) {
        this.documentBase = documentBase;
    }

    FuzzRequest generate(long seed, int index) {
        // java.util.Random's first draws are correlated for neighbouring seeds: spread the seeds first
        Random random = new Random(new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L).nextLong());
        return switch (index % GENERATORS) {
            case 0 -> mutatedJson(random);
            case 1 -> invalidUtf8(random);
            case 2 -> oddContentType(random);
            case 3 -> oddMethod(random);
            case 4 -> oddPath(random);
            case 5 -> oddHeaders(random);
            default -> bodyNearTheLimit(random);
        };
    }

    private static final String[] WRONG_VALUES = {
        "12",
        "-0",
        "0.0",
        "1e309",
        "-1e309",
        "123456789012345678901234567890",
        "1.5e-400",
        "NaN",
        "Infinity",
        "0x1F",
        "01",
        "[]",
        "[VALID]",
        "[[[]]]",
        "{}",
        "{\"$ne\": null}",
        "{\"$gt\": \"\"}",
        "{\"$regex\": \".*\"}",
        "{\"$where\": \"sleep(100)\"}",
        "{\"url\": VALID}",
        "true",
        "false",
        "null",
        "undefined",
        "\"\"",
        "\"   \"",
        "'VALID'",
        "VALID VALID",
        "\"" + "9".repeat(400) + "\"",
        "1".repeat(5000),
        "-" + "9".repeat(999),
    };
    private static final String[] ESCAPES = {
        "\\ud800", "\\udfff\\ud800", "\\ud800x", "\\u0000", "\\ud83d\\ude00", "\\uffff", "\\ufeff", "\\u0085",
                "\\u2028",
        "\\uZZZZ", "\\u12", "\\x41", "\\'", "\\/", "\\u005c", "\\u0022", "%00", "\\u0020\\u0009",
    };
    private static final String[] TRAILING_GARBAGE = {
        "}", "]", "x", " {\"url\": 1}", "\u0000", "// c", "/*", ",", ",{}", "\n\n#"
    };

    /** A valid POST or legacy GET body with exactly one mutation. */
    private FuzzRequest mutatedJson(Random random) {
        boolean post = random.nextInt(3) > 0;
        String field = post ? "url" : "job_id";
        String valid = quote(post ? jobUrl(random) : hex(random, 24));
        String validBody = object(field, valid);
        String stringStart = post ? documentBase + "/" : hex(random, 12);
        byte[] body = switch (random.nextInt(13)) {
            case 0, 1 -> utf8(object(field, pick(random, WRONG_VALUES).replace("VALID", valid)));
            case 2 -> utf8(random.nextBoolean() ? object(field, deepNesting(random)) : deepNesting(random));
            case 3 ->
                utf8(object(
                        field,
                        quote(
                                post && random.nextBoolean()
                                        ? documentBase + "/" + "a".repeat(random.nextInt(60_000))
                                        : "~" + randomText(random, random.nextInt(30_000)))));
            case 4 ->
                utf8(pick(
                                random,
                                "{\"F\": V, \"F\": 12}",
                                "{\"F\": 12, \"F\": V}",
                                "{\"F\": V, \"F\": V, \"F\": null}",
                                "{\"F\": V, \"\\u0075rl\": {\"$ne\": null}}")
                        .replace("F", field)
                        .replace("V", valid));
            case 5 -> utf8(object(field, "\"" + stringStart + pick(random, ESCAPES) + "\""));
            case 6 ->
                utf8(object(
                        field,
                        "\"" + stringStart
                                + (random.nextBoolean()
                                        ? String.valueOf((char) random.nextInt(0x20))
                                        : pick(random, "\\n", "\\t", "\\r\\n", "\\u0007", "\\u007f", "\\b"))
                                + "\""));
            case 7 -> utf8(validBody.substring(0, random.nextInt(validBody.length())));
            case 8 -> utf8(validBody + pick(random, TRAILING_GARBAGE));
            case 9 ->
                concat(
                        pick(
                                random,
                                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                                new byte[] {(byte) 0xFE, (byte) 0xFF},
                                new byte[] {(byte) 0xFF, (byte) 0xFE},
                                utf8("\uFEFF\uFEFF")),
                        utf8(validBody));
            case 10 -> utf8(pick(random, "", " ", "\r\n", "\u0000", "\t\n \n"));
            case 11 -> utf8(randomJson(random, 0, field));
            default ->
                utf8(pick(
                                random,
                                "{\"URL\": V}",
                                "{\" F\": V}",
                                "{\"F\\u0000\": V}",
                                "{\"\": V}",
                                "{\"F\": V, \"extra\": " + randomJson(random, 1, field) + "}",
                                "{F: V}",
                                "{'F': V}")
                        .replace("F", field)
                        .replace("V", valid));
        };
        return request("json", post ? "POST" : "GET", "/word-count", JSON, body);
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, 0x28},
        {(byte) 0xA0, (byte) 0xA1},
        {(byte) 0xE2, 0x28, (byte) 0xA1},
        {(byte) 0xE2, (byte) 0x82, 0x28},
        {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
        {(byte) 0xF8, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xFF},
        {(byte) 0xFE},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xC0, (byte) 0x80},
    };

    private FuzzRequest invalidUtf8(Random random) {
        boolean post = random.nextInt(3) > 0;
        String field = post ? "url" : "job_id";
        byte[] valid = utf8(object(field, quote(post ? jobUrl(random) : hex(random, 24))));
        byte[] invalid = pick(random, INVALID_UTF8);
        // never inside the URL's authority, so that no mangled host name is ever looked up
        String text = new String(valid, StandardCharsets.UTF_8);
        int afterAuthority = text.contains("//") ? text.indexOf('/', text.indexOf("//") + 2) : 0;
        byte[] body = switch (random.nextInt(3)) {
            case 0 -> randomBytes(random, 1 + random.nextInt(2048));
            case 1 -> insert(valid, valid.length - 2, invalid); // at the end of the string value
            default -> insert(valid, afterAuthority + random.nextInt(valid.length - afterAuthority + 1), invalid);
        };
        return request(
                "utf8", post ? "POST" : "GET", "/word-count", pick(random, JSON, JSON + "; charset=utf-8"), body);
    }

    private static final String[] CONTENT_TYPES = {
        null,
        "",
        "text/plain",
        "text/json",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "multipart/form-data; boundary=bogus",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data+json; boundary=bogus",
        "application/x-www-form-urlencoded+json",
        "application/json; charset=utf-16",
        "application/json; charset=utf-32",
        "application/json; charset=nonsense",
        "application/json; charset=",
        "application/json;;;",
        "application/json;",
        ";application/json",
        "application/vnd.api+json",
        "application/problem+json",
        "application/+json",
        "+json",
        "application/JSON",
        "APPLICATION/JSON",
        "application/json ",
        "application/json, text/plain",
        "application/jsonx",
        "application/json/x",
        "*/*",
        "application/*",
        "*/json",
        "json",
        "/",
        "application/json; q=\"open",
        "application/json; =x",
        "application/json; x=" + "a".repeat(2000),
        "application/" + "x".repeat(2048) + "+json",
    };

    private FuzzRequest oddContentType(Random random) {
        String contentType = pick(random, CONTENT_TYPES);
        String url = jobUrl(random);
        String json = object("url", quote(url));
        byte[] body = switch (random.nextInt(6)) {
            case 0 -> utf8(json);
            case 1 -> json.getBytes(StandardCharsets.UTF_16);
            case 2 -> utf8("url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
            case 3 ->
                utf8("--other\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\n" + url + "\r\n--other--\r\n");
            case 4 -> new byte[0];
            default -> null;
        };
        FuzzRequest request =
                request("content-type", random.nextInt(4) > 0 ? "POST" : "GET", "/word-count", contentType, body);
        return random.nextInt(4) == 0 ? request.overRawSocket() : request;
    }

    private static final String[] ODD_METHODS = {
        "PUT",
        "DELETE",
        "PATCH",
        "OPTIONS",
        "HEAD",
        "TRACE",
        "FOO",
        "get",
        "post",
        "Get",
        "PROPFIND",
        "MKCOL",
        "M-SEARCH",
        "QUERY",
        "POST"
    };

    private FuzzRequest oddMethod(Random random) {
        String method = pick(random, ODD_METHODS);
        String path = method.equals("POST")
                ? pick(random, "/health", "/word-count/" + hex(random, 24), "/word-count/x")
                : pick(
                        random,
                        "/word-count",
                        "/health",
                        "/word-count/" + hex(random, 24),
                        "/word-count/" + randomToken(random, 1 + random.nextInt(40)));
        boolean withBody = random.nextBoolean() && !method.equals("HEAD");
        FuzzRequest request = request(
                "method",
                method,
                path,
                withBody ? JSON : null,
                withBody ? utf8(object("url", quote(jobUrl(random)))) : null,
                "405");
        return method.equals("TRACE") || random.nextInt(5) == 0 ? request.overRawSocket() : request;
    }

    private static final String[] PATH_ENDINGS = {
        "",
        "/",
        "//",
        ".",
        "..",
        "../",
        "../health",
        "../error",
        "../word-count",
        "..;/",
        ";",
        ";jsessionid=x",
        "%2e%2e/health",
        "%zz",
        "%",
        "%0",
        "%00",
        "%2F",
        "%2f..",
        "..%2F..",
        "%5C",
        "%E2%98%83",
        "%C0%AF",
        "%ED%A0%80",
        "%FF",
        "%u0041",
        "\\",
        "a?b=c&b=d",
        "a#frag",
        "{jobId}",
        "${jndi:ldap://127.0.0.1:1/x}",
        "*",
        "\u2603",
        "\uD83D\uDE00",
        "\u00e9t\u00e9",
        "a b",
        "\t",
        "abc\u0000",
        "<script>",
        "'\"",
        "null",
        "undefined",
        "0",
        "-1",
        "000000000000000000000000",
        "ffffffffffffffffffffffff",
        "FFFFFFFFFFFFFFFFFFFFFFFF",
        "6b0a3fb4e08e95152fdf544",
        "6b0a3fb4e08e95152fdf54450",
    };
    private static final String[] OTHER_PATHS = {
        "/health/",
        "/health;x",
        "/health/..",
        "/health%3F",
        "/word-count?job_id=x",
        "/word-count?" + "a=".repeat(500),
        "/",
        "/error",
        "/actuator/health",
        "/word-counts",
        "/healthz",
        "/word-count/../word-count",
    };
    /** The operator surface under spellings that have let requests past path-based access rules elsewhere. */
    private static final String[] OPERATOR_PATHS = {
        "/admin/dead-letters", "/%61dmin/dead-letters", "/admin/%64ead-letters", "/ADMIN/dead-letters",
                "/admin/dead-letters/",
        "/admin/./dead-letters", "/admin;x/dead-letters", "//admin/dead-letters", "/actuator/env", "/%61ctuator/env",
        "/actuator/env/", "/actuator/health/../env", "/actuator/health/..;/env", "/actuator/health/%2e%2e/env",
    };
    /** Spellings Tomcat or Spring may map to /word-count while the filter, comparing the raw path, does not see it. */
    private static final String[] ALIASES_OF_THE_JOBS_PATH = {
        "/word-count;x=1",
        "/word-count;",
        "/word-count;jsessionid=0",
        "/%77ord-count",
        "/word%2Dcount",
        "/word-count%3B",
        "//word-count",
        "/./word-count",
        "/x/../word-count",
        "/WORD-COUNT",
        "/word-count/",
        "/word-count.json",
        "/word-count%20",
    };

    private FuzzRequest oddPath(Random random) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return random.nextInt(3) == 0
                    ? request("operator", "GET", pick(random, OPERATOR_PATHS), null, null, "4xx")
                            .overRawSocket() // no credentials
                    : requestTheFilterMustRefuse(random, pick(random, ALIASES_OF_THE_JOBS_PATH));
        }
        String target = switch (kind) {
            case 1, 2 -> "/word-count/" + pick(random, PATH_ENDINGS);
            case 3 -> "/word-count/" + percentJunk(random);
            case 4 -> pick(random, OTHER_PATHS);
            default ->
                "/word-count/"
                        + (random.nextBoolean()
                                ? "a".repeat(100 + random.nextInt(20_000))
                                : randomText(random, 1 + random.nextInt(60)));
        };
        boolean post = random.nextInt(4) == 0;
        String method = post ? "POST" : random.nextInt(8) == 0 ? pick(random, "PUT", "DELETE", "HEAD") : "GET";
        byte[] body = post ? utf8(object("url", quote(jobUrl(random)))) : null;
        FuzzRequest request = request("path", method, target, post ? JSON : null, body);
        return request.overRawSocket(); // the JDK client refuses or normalizes most of these targets
    }

    /** Whatever the spelling of the path, a request /word-count refuses must not be accepted. */
    private FuzzRequest requestTheFilterMustRefuse(Random random, String target) {
        String url = jobUrl(random);
        String json = object("url", quote(url));
        String form = "url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        String tooLarge = json.replace("}", ", \"pad\": \"" + "a".repeat(MAX_BODY_BYTES) + "\"}");
        FuzzRequest request = switch (random.nextInt(5)) {
            case 0 -> request("alias", "POST", target, "application/x-www-form-urlencoded", utf8(form), "4xx");
            case 1 -> request("alias", "POST", target, "text/plain", utf8(json), "4xx");
            case 2 -> request("alias", "POST", target, null, utf8(json), "4xx");
            case 3 -> request("alias", "POST", target, JSON, utf8(tooLarge), "4xx");
            default -> request("alias", pick(random, "PUT", "DELETE", "PATCH"), target, JSON, utf8(json), "4xx");
        };
        return request.overRawSocket();
    }

    private FuzzRequest oddHeaders(Random random) {
        FuzzRequest base = switch (random.nextInt(4)) {
            case 0 -> request("headers", "POST", "/word-count", JSON, utf8(object("url", quote(fewJobsUrl(random)))));
            case 1 -> request("headers", "GET", "/word-count", JSON, utf8(object("job_id", quote(hex(random, 24)))));
            case 2 -> request("headers", "GET", "/word-count/" + hex(random, 24), null, null);
            default -> request("headers", "GET", "/health", null, null);
        };
        List<Map.Entry<String, String>> headers = new ArrayList<>(base.headers());
        switch (random.nextInt(5)) {
            case 0 -> headers.add(Map.entry("X-Fuzz-Pad", randomToken(random, 4096 + random.nextInt(4097))));
            case 1 -> {
                int count = 20 + random.nextInt(181);
                for (int i = 0; i < count; i++) {
                    headers.add(Map.entry("X-Fuzz-" + i, randomToken(random, 1 + random.nextInt(80))));
                }
            }
            case 2 ->
                headers.add(Map.entry(
                        pick(random, "Cookie", "Accept", "Accept-Language", "Authorization", "User-Agent", "Referer"),
                        randomToken(random, 4096 + random.nextInt(4097))));
            case 3 ->
                headers.add(Map.entry(
                        "Accept",
                        pick(
                                random,
                                "text/html",
                                "application/xml",
                                "*/*;q=0",
                                "application/json;q=0",
                                "text/html,application/xhtml+xml",
                                "image/png")));
            default -> {
                return rawOddity(random);
            }
        }
        return new FuzzRequest(
                base.generator(), base.method(), base.target(), headers, base.body(), base.transport(), null, null);
    }

    /** Requests the JDK client cannot send: malformed framing and header syntax, written byte by byte. */
    private FuzzRequest rawOddity(Random random) {
        String json = object("url", quote(fewJobsUrl(random)));
        int length = utf8(json).length;
        String head =
                "POST /word-count HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String text = switch (random.nextInt(16)) {
            case 0 -> head + "X-Folded: a\r\n  b\r\nContent-Length: " + length + "\r\n\r\n" + json;
            case 1 -> head + "NoColonHere\r\nContent-Length: " + length + "\r\n\r\n" + json;
            case 2 -> head + "X-Nul: a\u0000b\r\nContent-Length: " + length + "\r\n\r\n" + json;
            case 3 -> head + "Bad Name: x\r\nContent-Length: " + length + "\r\n\r\n" + json;
            case 4 -> head + "Content-Length: " + length + "\r\nContent-Length: " + (length - 1) + "\r\n\r\n" + json;
            case 5 -> head + "Content-Length: -1\r\n\r\n" + json;
            case 6 -> head + "Content-Length: abc\r\n\r\n" + json;
            case 7 -> head + "Transfer-Encoding: chunked\r\nContent-Length: " + length + "\r\n\r\n" + chunked(json);
            case 8 -> head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + json + "\r\n0\r\n\r\n";
            case 9 ->
                head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + ";ext=1\r\n" + json
                        + "\r\n0\r\n\r\n";
            case 10 -> head.replace("\r\n", "\n") + "Content-Length: " + length + "\n\n" + json;
            case 11 ->
                "POST /word-count HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n"
                        + json;
            case 12 -> "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"; // no Host
            case 13 -> "GET http://127.0.0.1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            case 14 -> "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            default -> "\r\n\r\n" + head + "Expect: nonsense\r\nContent-Length: " + length + "\r\n\r\n" + json;
        };
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        String requestLine = text.strip().lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        String target =
                parts[1].startsWith("http:") ? java.net.URI.create(parts[1]).getRawPath() : parts[1];
        return new FuzzRequest("raw", parts[0], target, List.of(), null, Transport.RAW, bytes, null);
    }

    /** Bodies within 256 bytes of the limit, either side: over it is 413, at or under it the body is read and judged. */
    private FuzzRequest bodyNearTheLimit(Random random) {
        boolean over = random.nextBoolean();
        int size = over ? MAX_BODY_BYTES + 1 + random.nextInt(256) : MAX_BODY_BYTES - random.nextInt(256);
        boolean post = random.nextInt(5) > 0;
        boolean valid =
                post && random.nextInt(5) == 0; // fewer jobs: an invalid URL is judged after the whole body is read too
        String start = post
                ? "{\"url\": " + quote(valid ? jobUrl(random) : "ftp://127.0.0.1/x") + ", \"pad\": \""
                : "{\"job_id\": \"" + hex(random, 24) + "\", \"pad\": \"";
        int padBytes = size - utf8(start).length - 2;
        String pad =
                random.nextBoolean() ? "a".repeat(padBytes) : "\u00e9".repeat(padBytes / 2) + "a".repeat(padBytes % 2);
        String expected = over ? "413" : valid ? "202" : "400";
        Transport transport = random.nextInt(3) == 0 ? Transport.CHUNKED : Transport.CLIENT;
        return new FuzzRequest(
                "size",
                post ? "POST" : "GET",
                "/word-count",
                List.of(Map.entry("Content-Type", JSON)),
                utf8(start + pad + "\"}"),
                transport,
                null,
                expected);
    }

    private String jobUrl(Random random) {
        // port 1 refuses at once, but the worker retries that with backoff: keep it rare so the queue stays short
        return random.nextInt(100) == 0
                ? "http://127.0.0.1:1/x"
                : documentBase + "/fuzz/" + random.nextInt(1000) + ".txt";
    }

    /** Mostly a URL refused only once the whole body was read: every job is work the worker must finish before the end. */
    private String fewJobsUrl(Random random) {
        return random.nextInt(3) == 0 ? jobUrl(random) : "ftp://127.0.0.1/x";
    }

    private static FuzzRequest request(
            String generator, String method, String target, String contentType, byte[] body) {
        return request(generator, method, target, contentType, body, null);
    }

    private static FuzzRequest request(
            String generator, String method, String target, String contentType, byte[] body, String expected) {
        List<Map.Entry<String, String>> headers =
                contentType == null ? List.of() : List.of(Map.entry("Content-Type", contentType));
        return new FuzzRequest(generator, method, target, headers, body, Transport.CLIENT, null, expected);
    }

    private static String deepNesting(Random random) {
        int depth = 1000 + random.nextInt(9001);
        return switch (random.nextInt(4)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "[".repeat(depth);
            case 2 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> "{\"a\":[".repeat(depth / 2);
        };
    }

    private static String randomJson(Random random, int depth, String field) {
        int kind = depth > 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> {
                List<String> members = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    String key = random.nextInt(3) == 0 ? field : randomText(random, random.nextInt(8));
                    members.add(quote(key) + ":" + randomJson(random, depth + 1, field));
                }
                yield "{" + String.join(",", members) + "}";
            }
            case 1 -> {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    elements.add(randomJson(random, depth + 1, field));
                }
                yield "[" + String.join(",", elements) + "]";
            }
            case 2 -> quote(randomText(random, random.nextInt(30)));
            case 3 ->
                random.nextBoolean() ? Long.toString(random.nextLong()) : Double.toString(random.nextGaussian() * 1e6);
            case 4 -> pick(random, "true", "false", "null");
            default -> quote("http://127.0.0.1:1/" + randomToken(random, random.nextInt(10)));
        };
    }

    private static String percentJunk(Random random) {
        StringBuilder junk = new StringBuilder();
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
            junk.append(
                    random.nextInt(4) == 0
                            ? String.valueOf((char) ('a' + random.nextInt(26)))
                            : String.format("%%%02X", random.nextInt(256)));
        }
        return junk.toString();
    }

    /** Any characters, from control characters (but CR and LF, which would end a raw request line) to lone surrogates. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 ->
                    text.append((char) pick(random, 0x00, 0x01, 0x07, 0x08, 0x09, 0x0B, 0x0C, 0x1B, 0x1F)
                            .intValue());
                case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> text.appendCodePoint(0x80 + random.nextInt(0x10000 - 0x80));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.substring(0, length);
    }

    private static String randomToken(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static String hex(Random random, int length) {
        return HexFormat.of().formatHex(randomBytes(random, (length + 1) / 2)).substring(0, length);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String chunked(String text) {
        return Integer.toHexString(utf8(text).length) + "\r\n" + text + "\r\n0\r\n\r\n";
    }

    private static String object(String field, String valueJson) {
        return "{\"" + field + "\": " + valueJson + "}";
    }

    /** A JSON string literal; lone surrogates stay characters here and become '?' when encoded as UTF-8. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] into, int at, byte[] bytes) {
        return concat(
                concat(java.util.Arrays.copyOfRange(into, 0, at), bytes),
                java.util.Arrays.copyOfRange(into, at, into.length));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    /** The first {@code max} bytes as Latin-1 text with everything unprintable escaped, so a failure can be replayed. */
    static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return "\"" + text + (bytes.length > max ? "\"..." : "\"");
    }
}
