package vn.docket.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.docket.platform.users.UserAccounts;

/**
 * The web application's security: a sign-in form and a session for people in a browser, next to the
 * stateless HTTP Basic chain that API clients keep using ({@link SecurityConfiguration}).
 *
 * <p>A browser's calls to {@code /api} carry the session cookie and no Authorization header; only those
 * are taken by the session chain here (order 0, before the Basic chain). Because a cookie travels with
 * every request the browser makes, even one started by another site, every state-changing call on a
 * session must echo the CSRF token: the token sits in the readable cookie XSRF-TOKEN and the pages send
 * it back in the X-XSRF-TOKEN header (or the _csrf field of the sign-in and sign-out forms). Requests
 * with an Authorization header, or without a session, go to the Basic chain exactly as before.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserSecurityConfiguration {

    /** No inline scripts or styles anywhere in the pages, so the policy can forbid them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Public without a session: the sign-in page and what it needs. Everything else asks to sign in. */
    static final String[] PUBLIC = {"/login.html", "/css/**", "/js/**", "/favicon.svg", "/ui/sign-in-hint"};

    /** A browser call: the session cookie, no credentials of its own. */
    static final RequestMatcher SIGNED_IN_BROWSER = request -> request.getHeader(HttpHeaders.AUTHORIZATION) == null
            && request.getRequestedSessionId() != null;

    @Bean
    @Order(0)
    SecurityFilterChain browserApi(HttpSecurity http, ObjectMapper json, UserAccounts users) throws Exception {
        http.securityMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        SIGNED_IN_BROWSER))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // The person as they are now, not as they signed in: disabled, moved or demoted since.
                .addFilterAfter(new SessionUserRefresh(users, json), SecurityContextHolderFilter.class)
                .csrf(BrowserSecurityConfiguration::csrf)
                .headers(BrowserSecurityConfiguration::headers)
                // An API answer is never a page to return to after signing in.
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .exceptionHandling(x -> x
                        // No WWW-Authenticate challenge: the page sends the person to the sign-in form instead.
                        .authenticationEntryPoint((request, response, e) -> SecurityConfiguration.writeProblem(
                                response, json, HttpStatus.UNAUTHORIZED, "authentication-required",
                                "Your session has ended; sign in again.", java.util.List.of()))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                SecurityConfiguration.writeProblem(response, json, HttpStatus.FORBIDDEN, "csrf-token",
                                        "The page's security token is missing or out of date; reload the page.", java.util.List.of());
                            } else {
                                SecurityConfiguration.writeProblem(response, json, HttpStatus.FORBIDDEN, "not-allowed",
                                        "Your role does not allow this action.", java.util.List.of());
                            }
                        }));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false).failureUrl("/login.html?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login.html?signedOut"))
                .csrf(BrowserSecurityConfiguration::csrf)
                .headers(BrowserSecurityConfiguration::headers);
        return http.build();
    }

    private static void csrf(CsrfConfigurer<HttpSecurity> csrf) {
        // The plain handler accepts the cookie's value as it is, in a header or a form field. Loading the
        // token on every request (attribute name null) makes sure the cookie exists before the first POST.
        CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()).csrfTokenRequestHandler(handler);
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentTypeOptions(c -> { }); // nosniff
    }

}
