package vn.docket.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import vn.docket.platform.mongo.DatabaseUnavailable;
import vn.docket.platform.users.UserAccounts;

/**
 * How people prove who they are to /api: HTTP Basic against Docket's users ({@code docket.security.basic.enabled},
 * on by default), personal access tokens ({@link PersonalTokenSignIn}) and bearer tokens from an OpenID Connect issuer (when one is configured, see
 * {@link JwtSettings}). Either way the principal is a {@link DocketUser}, and a failed sign-in is a 401
 * with problem details.
 */
@Component
public class ApiSignIn {

    private static final Logger log = LoggerFactory.getLogger(ApiSignIn.class);

    private final boolean basic;
    private final JwtDecoder tokens;
    private final TokenActors tokenActors;
    private final ObjectMapper json;
    private final PersonalTokenSignIn personalTokens;

    ApiSignIn(@Value("${docket.security.basic.enabled:true}") boolean basic, ObjectProvider<JwtDecoder> tokens,
              TokenActors tokenActors, ObjectMapper json, UserAccounts users) {
        this.basic = basic;
        this.personalTokens = new PersonalTokenSignIn(users, json);
        this.tokens = tokens.getIfAvailable();
        this.tokenActors = tokenActors;
        this.json = json;
        if (!basic && this.tokens == null) {
            log.warn("Neither HTTP Basic nor an OpenID Connect issuer is configured: nobody can sign in to the API");
        }
    }

    public boolean acceptsTokens() {
        return tokens != null;
    }

    /** Adds the configured ways of signing in to the API's filter chain. */
    public void applyTo(HttpSecurity http) throws Exception {
        // Personal access tokens, always: each is issued by an administrator or its owner, and can be revoked.
        http.addFilterAfter(personalTokens, SecurityContextHolderFilter.class);
        if (basic) {
            http.httpBasic(b -> b.authenticationEntryPoint(this::unauthorized));
        }
        if (tokens != null) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.decoder(tokens).jwtAuthenticationConverter(tokenActors))
                    .authenticationEntryPoint(this::unauthorized));
            http.addFilterAfter(new DocketRoleRequired(), ExceptionTranslationFilter.class);
        }
        // Also when no sign-in method applies to the request, so the answer is always a 401 problem.
        http.exceptionHandling(x -> x.authenticationEntryPoint(this::unauthorized));
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.isCauseOf(e)) {
            SecurityConfiguration.writeUnavailable(response, json);
            return;
        }
        boolean badToken = e instanceof OAuth2AuthenticationException;
        List<String> challenges = new ArrayList<>();
        if (tokens != null) {
            challenges.add(badToken ? "Bearer realm=\"Docket\", error=\"invalid_token\"" : "Bearer realm=\"Docket\"");
        }
        if (basic) {
            challenges.add("Basic realm=\"Docket\"");
        }
        String detail = badToken ? "The bearer token is not valid or has expired; sign in again."
                : basic && tokens != null ? "Sign in with your Docket user name and password, or a bearer token."
                : tokens != null ? "Sign in: send a bearer token from the organisation's sign-in service."
                : "Sign in with your Docket user name and password.";
        SecurityConfiguration.writeProblem(response, json, HttpStatus.UNAUTHORIZED, "authentication-required",
                detail, challenges);
    }

    /**
     * A valid token whose claims name no Docket role (see {@link TokenActors}) signs someone in, but lets
     * them do nothing: without this, any endpoint that does not ask for the actor would serve them.
     */
    static final class DocketRoleRequired extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && !(auth instanceof AnonymousAuthenticationToken)
                    && !(auth.getPrincipal() instanceof DocketUser)) {
                throw new AccessDeniedException("signed in without a Docket role");
            }
            chain.doFilter(request, response);
        }
    }
}
