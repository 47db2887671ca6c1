package vn.docket.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.Text;

/**
 * Turns a verified token into the same {@link DocketUser} a password sign-in gives, so that
 * {@link CurrentActor} and everything recorded look the same whichever way a person signed in.
 *
 * <p>A token that proves who someone is but carries no usable Docket role (or no unit where the role needs
 * one) becomes a plain {@link JwtAuthenticationToken} with no authorities: signed in, allowed nothing
 * ({@link ApiSignIn} answers 403).
 *
 * <p>The token's user id is the Docket user of that id, if there is one: the levels an administrator granted them
 * apply, and so does their being disabled. A disabled user's token is refused like a disabled user's password (401),
 * so that disabling someone on the users page stops them whichever way they sign in.
 */
public class TokenActors implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(TokenActors.class);

    private final JwtSettings.Claims claims;
    private final Map<String, Role> roles;
    private final Predicate<String> disabled;

    /** {@code disabled}: whether Docket holds a user of that id whom an administrator disabled. */
    public TokenActors(JwtSettings settings, Predicate<String> disabled) {
        this.claims = settings.claims();
        this.disabled = disabled;
        this.roles = new java.util.HashMap<>();
        // Property binding lower-cases map keys; compare the issuer's role names the same way.
        settings.roles().forEach((name, role) -> this.roles.put(name.toLowerCase(Locale.ROOT), role));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return actor(jwt)
                .<AbstractAuthenticationToken>map(actor -> new TokenSignIn(new DocketUser(actor, null), jwt))
                .orElseGet(() -> new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject()));
    }

    /** The person the token speaks for, if it names one Docket role (and a unit when the role needs one). */
    Optional<Actor> actor(Jwt jwt) {
        String id = Optional.ofNullable(text(jwt, claims.id())).orElse(jwt.getSubject());
        if (id == null) {
            log.info("A token without '{}' or 'sub' was refused", claims.id());
            return Optional.empty();
        }
        if (disabled.test(Text.clean(id))) {
            log.info("Token of '{}' refused: that user is disabled in Docket", id);
            throw new DisabledException("The user '" + id + "' is disabled in Docket.");
        }
        Set<Role> found = new LinkedHashSet<>();
        for (String name : strings(claim(jwt, claims.role()))) {
            role(name).ifPresent(found::add);
        }
        if (found.size() != 1) {
            log.info("Token of '{}' refused: claim '{}' names {} Docket roles, exactly one is needed", id,
                    claims.role(), found.isEmpty() ? "no" : found);
            return Optional.empty();
        }
        Role role = found.iterator().next();
        String unit = text(jwt, claims.unit());
        if (unit == null && role.actsForUnit()) {
            log.info("Token of '{}' refused: role {} acts for a unit, and claim '{}' is missing", id, role, claims.unit());
            return Optional.empty();
        }
        String name = Optional.ofNullable(text(jwt, claims.name())).orElse(id);
        return Optional.of(new Actor(Text.clean(id), name, unit, role));
    }

    private Optional<Role> role(String name) {
        if (!roles.isEmpty()) {
            return Optional.ofNullable(roles.get(name.toLowerCase(Locale.ROOT)));
        }
        try {
            Role role = Role.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            return role == Role.SYSTEM ? Optional.empty() : Optional.of(role);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an issuer's own role (offline_access...), nothing to Docket
        }
    }

    private static String text(Jwt jwt, String claim) {
        Object value = claim(jwt, claim);
        return value instanceof String s ? Text.clean(s) : null;
    }

    /** A top-level claim of that exact name, else the dotted path into nested claims. */
    static Object claim(Jwt jwt, String name) {
        if (jwt.hasClaim(name)) {
            return jwt.getClaims().get(name);
        }
        Object here = jwt.getClaims();
        for (String part : name.split("\\.")) {
            if (!(here instanceof Map<?, ?> map)) {
                return null;
            }
            here = map.get(part);
        }
        return here;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
