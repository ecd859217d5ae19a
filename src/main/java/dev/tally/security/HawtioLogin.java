package dev.tally.security;

import io.hawt.system.ConfigManager;
import io.hawt.web.auth.AuthenticationConfiguration;
import jakarta.servlet.ServletContext;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hawtio's login form and its Jolokia filter authenticate through JAAS. Hawtio wires Spring Security only with a
 * module it does not publish (hawtio-springboot-security), and otherwise finds no JAAS login at all; so Tally hands
 * Hawtio a JAAS configuration that checks the admin credentials against Spring Security's user store, and names the
 * principals that login module makes. Runs after the servlet context started, when Hawtio's context listener has
 * set up and completed its configuration, and before the connector takes requests; Hawtio 5 merges the login modules
 * it was given when its configuration completes, so it is completed again with Tally's.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnClass(AuthenticationConfiguration.class)
class HawtioLogin {

    HawtioLogin(ServletContext servletContext, UserDetailsService users, PasswordEncoder encoder) {
        if (servletContext.getAttribute(ConfigManager.CONFIG_MANAGER) == null) {
            return; // Hawtio is not exposed in this process
        }
        AuthenticationConfiguration hawtio = AuthenticationConfiguration.getConfiguration(servletContext);
        if (!hawtio.isEnabled()) {
            return;
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        hawtio.addConfiguration(adminOnly(new ProviderManager(provider)));
        hawtio.addUserPrincipalClassName(AdminLoginModule.UserPrincipal.class.getName());
        hawtio.addRolePrincipalClassName(AdminLoginModule.RolePrincipal.class.getName());
        hawtio.initializationComplete(servletContext);
    }

    private static Configuration adminOnly(AuthenticationManager manager) {
        AppConfigurationEntry[] entries = {
            new AppConfigurationEntry(
                    AdminLoginModule.class.getName(),
                    LoginModuleControlFlag.REQUIRED,
                    Map.of(AdminLoginModule.AUTHENTICATION_MANAGER, manager))
        };
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
                return entries;
            }
        };
    }
}
