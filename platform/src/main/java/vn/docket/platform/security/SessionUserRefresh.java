package vn.docket.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.docket.platform.users.UserAccounts;

/**
 * A browser's session holds the person as they were when they signed in; this reads them again on every call, as
 * a personal access token is (one read by key, and one more when their row is behind their events). A person
 * disabled since, or whose password was set since, is signed out at once (the session ends, the call answers 401);
 * one given another role or unit acts with it from their next call, not with what the session remembered for up to
 * its 8 hours.
 */
final class SessionUserRefresh extends OncePerRequestFilter {

    private final UserAccounts users;
    private final ObjectMapper json;

    SessionUserRefresh(UserAccounts users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof DocketUser remembered)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DocketUser> now;
        try {
            // A password set since signing in (a leaked one reset) ends the sessions opened with the old one.
            now = users.signIn(remembered.actor().id())
                    .filter(user -> Objects.equals(user.getPassword(), remembered.getPassword()));
        } catch (RuntimeException e) {
            SecurityConfiguration.answerUnavailableOrRethrow(e, response, json);
            return;
        }
        // A fresh context for this request only: the one the session holds is not changed in place.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (now.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } else {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null,
                    now.get().getAuthorities()));
        }
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
