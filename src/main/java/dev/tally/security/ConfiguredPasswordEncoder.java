package dev.tally.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the admin password by a constant-time comparison of SHA-256 digests. Tally is given the password itself
 * (TALLY_ADMIN_PASSWORD), so a slow hash of it in memory hides nothing from a reader of the process that the
 * environment does not show; it only made each authenticated request cost about 100 ms of CPU (bcrypt under C1),
 * so that a poll of /actuator/prometheus every 100 ms took most of a core, and a stream of wrong passwords cost
 * the server far more than the sender.
 */
final class ConfiguredPasswordEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
        return Base64.getEncoder().encodeToString(sha256(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(encodedPassword);
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
        return MessageDigest.isEqual(sha256(rawPassword), expected);
    }

    private static byte[] sha256(CharSequence text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
