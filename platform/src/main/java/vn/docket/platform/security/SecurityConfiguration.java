package vn.docket.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import vn.docket.platform.mongo.DatabaseUnavailable;
import vn.docket.platform.users.UserAccounts;
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


    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        return new NfcPasswordEncoder(settings.passwordCost());
    }

    /**
     * Everyone signs in from the {@code users} collection, configured and demo users included: they are
     * recorded there (and as events) at start-up by {@code AuthorityRecording}. A disabled user signs in like
     * an unknown one.
     */
    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.signIn(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
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

    /** A filter's read of the person failed: a database outage is answered 503 (see below), anything else is thrown on. */
    static void answerUnavailableOrRethrow(RuntimeException e, HttpServletResponse response, ObjectMapper json)
            throws IOException {
        if (!DatabaseUnavailable.isCauseOf(e)) {
            throw e;
        }
        writeUnavailable(response, json);
    }

    /** The database did not answer while the person was looked up: not a wrong password, so 503, not 401. */
    static void writeUnavailable(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        writeProblem(response, json, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.RULE, DatabaseUnavailable.DETAIL,
                List.of());
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
