package vn.docket.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A person signed in with a bearer token: the principal is their {@link DocketUser} (no password). */
public class TokenSignIn extends AbstractAuthenticationToken {

    private final DocketUser user;
    private final transient Jwt token;

    public TokenSignIn(DocketUser user, Jwt token) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public DocketUser getPrincipal() {
        return user;
    }

    /** The verified token, for whoever needs more of its claims. */
    @Override
    public Jwt getCredentials() {
        return token;
    }
}
