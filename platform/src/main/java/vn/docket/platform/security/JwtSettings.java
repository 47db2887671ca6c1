package vn.docket.platform.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.events.Role;

/**
 * Sign-in with bearer tokens from an OpenID Connect issuer (Keycloak or any standard one). Off until one
 * of {@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location} is set.
 *
 * @param issuerUri         the issuer; its keys are found through its discovery document, and every token
 *                          must name it as {@code iss}
 * @param jwkSetUri         where the issuer publishes its signing keys (skips discovery)
 * @param publicKeyLocation a PEM file with the issuer's RSA public key ({@code file:/etc/docket/issuer.pem})
 * @param audience          when set, tokens must list it in {@code aud} (the client id Docket is known by)
 * @param claims            which claims carry the user's id, name, unit and role
 * @param roles             the issuer's role names mapped to Docket roles (e.g. {@code docket-clerk: CLERK}).
 *                          Empty: role values must be Docket role names. Set: only mapped names count, so an
 *                          issuer's own "admin" role never makes a Docket administrator by accident.
 */
@ConfigurationProperties(prefix = "docket.security.jwt")
public record JwtSettings(String issuerUri, String jwkSetUri, String publicKeyLocation, String audience,
                          Claims claims, Map<String, Role> roles) {

    public JwtSettings {
        claims = claims == null ? new Claims(null, null, null, null) : claims;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    public boolean enabled() {
        return present(issuerUri) || present(jwkSetUri) || present(publicKeyLocation);
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Claim names; a dotted name reaches into a nested claim ({@code realm_access.roles} for Keycloak realm
     * roles). The role claim may hold one name or a list.
     */
    public record Claims(String id, String name, String unit, String role) {
        public Claims {
            id = present(id) ? id : "preferred_username";
            name = present(name) ? name : "name";
            unit = present(unit) ? unit : "unit";
            role = present(role) ? role : "role";
        }
    }
}
