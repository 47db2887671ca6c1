package vn.docket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.users.UserAccounts;

/**
 * The two filters that read a person again on every call, by personal token or by session: when the database does
 * not answer, the call is answered 503 with the outage's rule and goes no further (a wrong token or an ended
 * session would be 401, which would send the person to sign in again for nothing); any other failure is not taken
 * for an outage.
 */
class SignInDuringOutageTest {

    final UserAccounts users = mock(UserAccounts.class);
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final MockFilterChain chain = new MockFilterChain();

    @AfterEach
    void forgetTheSession() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_personal_token_read_while_the_database_is_down_answers_503_and_goes_no_further() throws Exception {
        when(users.signInWithToken(anyString())).thenThrow(new MongoTimeoutException("down"));

        new PersonalTokenSignIn(users, new ObjectMapper()).doFilter(withToken(), response, chain);

        assertOutageAnswered();
    }

    @Test
    void a_session_read_again_while_the_database_is_down_answers_503_and_goes_no_further() throws Exception {
        when(users.signIn(anyString())).thenThrow(new MongoTimeoutException("down"));
        signedInBySession();

        new SessionUserRefresh(users, new ObjectMapper()).doFilter(new MockHttpServletRequest(), response, chain);

        assertOutageAnswered();
    }

    @Test
    void a_failure_that_is_no_outage_is_not_answered_503_by_either_filter() {
        IllegalStateException bug = new IllegalStateException("a bug");
        when(users.signInWithToken(anyString())).thenThrow(bug);
        when(users.signIn(anyString())).thenThrow(bug);

        assertThatThrownBy(() -> new PersonalTokenSignIn(users, new ObjectMapper()).doFilter(withToken(), response, chain))
                .isSameAs(bug);
        signedInBySession();
        OncePerRequestFilter refresh = new SessionUserRefresh(users, new ObjectMapper());
        assertThatThrownBy(() -> refresh.doFilter(new MockHttpServletRequest(), response, chain)).isSameAs(bug);
    }

    private static MockHttpServletRequest withToken() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer dkt_0123456789abcdef");
        return request;
    }

    private static void signedInBySession() {
        DocketUser lan = new DocketUser(new Actor("lan", "Nguyễn Thị Lan", "Phòng Tài chính - Kế hoạch", Role.CLERK),
                "{bcrypt}hash");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(lan, null, lan.getAuthorities()));
    }

    private void assertOutageAnswered() throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentAsString()).contains("database-unavailable");
        assertThat(chain.getRequest()).as("the call went on to the application").isNull();
    }
}
