package dev.tally.security;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The JAAS login Hawtio runs for its login form and for Jolokia requests: the admin credentials, checked by Spring
 * Security's own user store. A request Spring Security already authenticated as the admin is not checked twice.
 * JAAS creates this class by name, so it is public with a no-argument constructor; the manager comes in the options.
 */
public class AdminLoginModule implements LoginModule {

    static final String AUTHENTICATION_MANAGER = AuthenticationManager.class.getName();
    static final String ADMIN_ROLE = "ROLE_ADMIN";
    /** The role Hawtio asks for ({@code hawtio.roles} in application.yaml). */
    static final String HAWTIO_ROLE = "admin";

    private Subject subject;
    private CallbackHandler callbacks;
    private AuthenticationManager manager;
    private Authentication admin;

    /** Hawtio reads the user name from a principal whose class is called UserPrincipal. */
    public record UserPrincipal(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    /** The role principal Hawtio checks its {@code hawtio.roles} against. */
    public record RolePrincipal(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    @Override
    public void initialize(
            Subject subject, CallbackHandler callbacks, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbacks;
        this.manager = (AuthenticationManager) options.get(AUTHENTICATION_MANAGER);
    }

    @Override
    public boolean login() throws LoginException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (isAdmin(current)) {
            admin = current;
            return true;
        }
        NameCallback name = new NameCallback("username");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
            if (name.getName() == null || password.getPassword() == null) {
                throw new FailedLoginException("no credentials");
            }
            Authentication result = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    name.getName(), new String(password.getPassword())));
            if (!isAdmin(result)) {
                throw new FailedLoginException("not an admin: " + name.getName());
            }
            admin = result;
            return true;
        } catch (AuthenticationException e) {
            throw new FailedLoginException("bad credentials for " + name.getName());
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e);
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (admin == null) {
            return false;
        }
        subject.getPrincipals().add(new UserPrincipal(admin.getName()));
        subject.getPrincipals().add(new RolePrincipal(HAWTIO_ROLE));
        return true;
    }

    @Override
    public boolean abort() {
        admin = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeIf(p -> p instanceof UserPrincipal || p instanceof RolePrincipal);
        admin = null;
        return true;
    }

    static boolean isAdmin(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(granted -> ADMIN_ROLE.equals(granted.getAuthority()));
    }
}
