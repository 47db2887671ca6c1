package vn.docket.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import vn.docket.events.Actor;
import vn.docket.platform.users.UserStore;
import vn.docket.platform.web.Problems;

/**
 * Sign-in for the API (HTTP Basic and/or bearer tokens, see {@link ApiSignIn}); users from configuration,
 * then from Docket's database. Every API call must be authenticated: the actor of every event is the
 * signed-in user.
 * The web application's sign-in form, session and CSRF protection live in
 * {@link BrowserSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new NfcPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(SecuritySettings settings, PasswordEncoder encoder, UserStore stored) {
        Map<String, DocketUser> users = new LinkedHashMap<>();
        for (SecuritySettings.UserEntry entry : settings.users()) {
            users.put(entry.id(), toUser(entry, entry.passwordHash()));
        }
        if (settings.demoUsers()) {
            String hash = encoder.encode(DemoUsers.PASSWORD);
            StringBuilder listing = new StringBuilder();
            for (SecuritySettings.UserEntry entry : DemoUsers.all()) {
                users.putIfAbsent(entry.id(), toUser(entry, hash));
                listing.append(String.format("%n    %-8s %-20s %s", entry.id(), entry.role(),
                        entry.unit() == null ? "" : entry.unit()));
            }
            log.info("Demo users (demo set-up only, password \"{}\" for each):{}", DemoUsers.PASSWORD, listing);
        }
        return username -> {
            DocketUser user = users.get(username);
            if (user == null) {
                // Then the users an administrator added; a disabled one signs in like an unknown one.
                user = stored.signIn(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
            }
            return new DocketUser(user.actor(), user.passwordHash());
        };
    }

    private static DocketUser toUser(SecuritySettings.UserEntry e, String hash) {
        return new DocketUser(new Actor(e.id(), nfc(e.name()), nfc(e.unit()), e.role()), hash);
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiSignIn signIn) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, json, HttpStatus.FORBIDDEN, "not-allowed",
                                "Your role does not allow this action.", List.of())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication: no cookie is sent automatically, so there is nothing to forge.
                .csrf(c -> c.disable());
        // HTTP Basic and/or bearer tokens, as configured.
        signIn.applyTo(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain docs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Health for load balancers and orchestrators, which call it without credentials. It answers only UP or
     * DOWN, never which part is down or why (management.endpoint.health.show-details is never), and no other
     * actuator endpoint is exposed.
     */
    @Bean
    @Order(2)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Package-private: the browser chains answer their 401 and 403 with the same problem details. */
    static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status,
                             String rule, String detail, List<String> challenges) throws IOException {
        ProblemDetail problem = Problems.problem(status, rule, detail);
        response.setStatus(status.value());
        challenges.forEach(challenge -> response.addHeader("WWW-Authenticate", challenge));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
