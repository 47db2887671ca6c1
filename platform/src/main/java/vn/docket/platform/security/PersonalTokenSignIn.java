package vn.docket.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.docket.platform.users.AccessTokens;
import vn.docket.platform.users.UserAccounts;

/**
 * {@code Authorization: Bearer dkt_...}: a personal access token, checked on every request against the
 * token's SHA-256 and the user's current state (one read by key once the token has signed in:
 * {@link vn.docket.platform.users.UserAccounts#signInWithToken}), so a revoked token or a disabled user is
 * refused from the next request on. Other bearer tokens go on to the OpenID Connect check, when configured.
 */
final class PersonalTokenSignIn extends OncePerRequestFilter {

    private static final String BEARER = "Bearer " + AccessTokens.PREFIX;

    private final UserAccounts users;
    private final ObjectMapper json;

    PersonalTokenSignIn(UserAccounts users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DocketUser> user;
        try {
            user = users.signInWithToken(header.substring("Bearer ".length()).strip());
        } catch (RuntimeException e) {
            SecurityConfiguration.answerUnavailableOrRethrow(e, response, json);
            return;
        }
        if (user.isEmpty()) {
            SecurityConfiguration.writeProblem(response, json, HttpStatus.UNAUTHORIZED, "authentication-required",
                    "The access token is not valid: it was revoked, or its user is disabled.",
                    List.of("Bearer realm=\"Docket\", error=\"invalid_token\""));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        chain.doFilter(request, response);
    }
}
