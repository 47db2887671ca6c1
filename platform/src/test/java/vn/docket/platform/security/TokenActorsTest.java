package vn.docket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.docket.events.Actor;
import vn.docket.events.Role;

/** Which person, unit and role a verified token stands for, under different claim settings. */
class TokenActorsTest {

    static final String OFFICE = "Văn phòng HĐND và UBND thành phố";

    static Jwt token(Consumer<Map<String, Object>> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claim("preferred_username", "lan").claim("name", "Nguyễn Thị Lan");
        return builder.claims(claims).build();
    }

    static TokenActors defaults() {
        return new TokenActors(new JwtSettings(null, null, "x", null, null, null), id -> false);
    }

    @Test
    void a_role_claim_naming_a_docket_role_gives_that_role_whatever_its_case() {
        Actor actor = defaults().actor(token(c -> {
            c.put("role", "unit-staff");
            c.put("unit", "Phòng Tài chính - Kế hoạch");
        })).orElseThrow();
        assertThat(actor).isEqualTo(new Actor("lan", "Nguyễn Thị Lan", "Phòng Tài chính - Kế hoạch", Role.UNIT_STAFF));
    }

    @Test
    void the_principal_is_the_same_kind_of_docket_user_a_password_sign_in_gives() {
        Object principal = defaults().convert(token(c -> c.put("role", "AUDITOR"))).getPrincipal();
        assertThat(principal).isInstanceOfSatisfying(DocketUser.class, u -> {
            assertThat(u.actor().role()).isEqualTo(Role.AUDITOR);
            assertThat(u.getPassword()).isNull();
            assertThat(u.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AUDITOR");
        });
    }

    @Test
    void nested_keycloak_realm_roles_are_mapped_and_the_issuers_other_roles_ignored() {
        TokenActors actors = new TokenActors(new JwtSettings(null, null, "x", null,
                new JwtSettings.Claims(null, null, "don_vi", "realm_access.roles"),
                Map.of("docket-clerk", Role.CLERK)), id -> false);
        Actor actor = actors.actor(token(c -> {
            c.put("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "Docket-Clerk")));
            c.put("don_vi", OFFICE);
        })).orElseThrow();
        assertThat(actor.role()).isEqualTo(Role.CLERK);
        assertThat(actor.unit()).isEqualTo(OFFICE);
        // With a mapping, a bare Docket role name means nothing: the issuer's "ADMIN" is not Docket's.
        assertThat(actors.actor(token(c -> c.put("realm_access", Map.of("roles", List.of("ADMIN")))))).isEmpty();
    }

    @Test
    void a_token_without_exactly_one_docket_role_names_nobody() {
        assertThat(defaults().actor(token(c -> {
        }))).isEmpty();
        assertThat(defaults().actor(token(c -> c.put("role", List.of("AUDITOR", "ADMIN"))))).isEmpty();
        assertThat(defaults().actor(token(c -> c.put("role", "SYSTEM")))).isEmpty();
        assertThat(defaults().convert(token(c -> c.put("role", "SYSTEM"))).getPrincipal())
                .isNotInstanceOf(DocketUser.class);
    }

    @Test
    void a_role_that_acts_for_a_unit_needs_the_unit_claim() {
        assertThat(defaults().actor(token(c -> c.put("role", "CLERK")))).isEmpty();
        assertThat(defaults().actor(token(c -> c.put("role", "CHAIR")))).isPresent();
    }

    @Test
    void without_a_user_name_claim_the_subject_is_the_id_and_the_name() {
        Actor actor = defaults().actor(Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .claim("role", "AUDITOR").build()).orElseThrow();
        assertThat(actor.id()).isEqualTo("sub-1");
        assertThat(actor.name()).isEqualTo("sub-1");
    }
}
