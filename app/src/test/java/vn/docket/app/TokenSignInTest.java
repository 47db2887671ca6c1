package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production sign-in: bearer tokens from an OpenID Connect issuer, here played by a key pair the test
 * makes. Docket is given only the public key, as it would be given Keycloak's; claims are laid out as
 * Keycloak lays them out (realm roles under realm_access.roles).
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class TokenSignInTest {

    static final String ISSUER = "https://sso.example.vn/realms/ubnd";
    static final KeyPair ISSUER_KEYS = rsa();
    static final KeyPair SOMEONE_ELSE = rsa();
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) throws IOException {
        Path pem = Files.createTempFile("issuer", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        properties.add("docket.security.jwt.public-key-location", () -> "file:" + pem);
        properties.add("docket.security.jwt.issuer-uri", () -> ISSUER);
        properties.add("docket.security.jwt.audience", () -> "docket");
        properties.add("docket.security.jwt.claims.role", () -> "realm_access.roles");
        properties.add("docket.security.jwt.claims.unit", () -> "don_vi");
        properties.add("docket.security.jwt.roles.docket-clerk", () -> "CLERK");
        properties.add("docket.security.jwt.roles.docket-auditor", () -> "AUDITOR");
    }

    @Autowired
    TestRestTemplate http;

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of Nguyễn Thị Lan, a clerk, as the issuer would write them; a test changes what it needs. */
    static JWTClaimsSet.Builder lan() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(List.of("docket", "account")).subject("5b1f0c2e-lan")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "lan")
                .claim("name", "Nguyễn Thị Lan")
                .claim("don_vi", "Văn phòng HĐND và UBND thành phố")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "docket-clerk")));
    }

    static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseEntity<Map<String, Object>> post(String token, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    ResponseEntity<Map<String, Object>> get(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), MAP);
    }

    static void assertStatus(ResponseEntity<Map<String, Object>> response, int status, String rule) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
    }

    @Test
    void a_valid_token_acts_as_its_user_and_the_audit_log_names_them() {
        ResponseEntity<Map<String, Object>> assigned =
                post(sign(lan().build(), ISSUER_KEYS), "/api/assignments", UserAdministrationTest.plan());
        assertThat(assigned.getStatusCode().value()).as("%s", assigned.getBody()).isEqualTo(201);
        String id = (String) assigned.getBody().get("id");

        String auditor = sign(lan().claim("preferred_username", "mai").claim("name", "Vũ Thị Mai")
                .claim("don_vi", null).claim("realm_access", Map.of("roles", List.of("docket-auditor"))).build(),
                ISSUER_KEYS);
        Map<String, Object> audit = new DocketClient(http).await("auditor", "/api/audit?assignment=" + id,
                a -> !((List<?>) a.get("items")).isEmpty());
        assertThat(get(auditor, "/api/audit?assignment=" + id).getBody()).isEqualTo(audit);
        assertThat(actorOfFirst(audit)).containsEntry("id", "lan").containsEntry("name", "Nguyễn Thị Lan")
                .containsEntry("unit", "Văn phòng HĐND và UBND thành phố").containsEntry("role", "CLERK");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> actorOfFirst(Map<String, Object> audit) {
        return (Map<String, Object>) ((Map<?, ?>) ((List<?>) audit.get("items")).get(0)).get("actor");
    }

    @Test
    void an_expired_token_is_a_401() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(lan().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(),
                ISSUER_KEYS);
        ResponseEntity<Map<String, Object>> response = post(expired, "/api/assignments", UserAdministrationTest.plan());
        assertStatus(response, 401, "authentication-required");
        assertThat(response.getHeaders().get("WWW-Authenticate")).anyMatch(c -> c.contains("invalid_token"));
    }

    @Test
    void a_token_signed_by_another_key_is_a_401() {
        assertStatus(get(sign(lan().build(), SOMEONE_ELSE), "/api/assignments"), 401, "authentication-required");
    }

    @Test
    void a_token_from_another_issuer_or_for_another_audience_is_a_401() {
        assertStatus(get(sign(lan().issuer("https://elsewhere.example").build(), ISSUER_KEYS), "/api/assignments"),
                401, "authentication-required");
        assertStatus(get(sign(lan().audience("another-app").build(), ISSUER_KEYS), "/api/assignments"),
                401, "authentication-required");
    }

    @Test
    void a_token_without_a_docket_role_signs_in_but_may_do_nothing() {
        String noRole = sign(lan().claim("realm_access", null).build(), ISSUER_KEYS);
        assertStatus(post(noRole, "/api/assignments", UserAdministrationTest.plan()), 403, "not-allowed");
        assertStatus(get(noRole, "/api/assignments"), 403, "not-allowed");
        // An issuer's own roles that Docket was not told about count for nothing.
        String unmapped = sign(lan().claim("realm_access", Map.of("roles", List.of("admin"))).build(), ISSUER_KEYS);
        assertStatus(post(unmapped, "/api/assignments", UserAdministrationTest.plan()), 403, "not-allowed");
    }

    @Test
    void a_token_of_a_user_an_administrator_disabled_in_docket_is_refused_like_their_password() {
        DocketClient docket = new DocketClient(http);
        assertThat(docket.post("admin", "/api/admin/users", Map.of("id", "hoa.tran", "name", "Trần Thị Hoa",
                "unit", "Văn phòng HĐND và UBND thành phố", "role", "CLERK", "password", "mật-khẩu-dài-đủ-12"))
                .getStatusCode().value()).isEqualTo(201);
        String hoa = sign(lan().claim("preferred_username", "hoa.tran").claim("name", "Trần Thị Hoa").build(),
                ISSUER_KEYS);
        assertThat(get(hoa, "/api/me").getStatusCode().value()).isEqualTo(200);

        assertThat(docket.post("admin", "/api/admin/users/hoa.tran/disable", null).getStatusCode().value())
                .isEqualTo(200);

        assertStatus(get(hoa, "/api/me"), 401, "authentication-required");
        assertStatus(post(hoa, "/api/assignments", UserAdministrationTest.plan()), 401, "authentication-required");
        // Someone the issuer knows and Docket's users do not is not touched by it.
        assertThat(get(sign(lan().build(), ISSUER_KEYS), "/api/me").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void http_basic_still_works_beside_tokens_and_no_credentials_is_a_401_offering_both() {
        assertThat(new DocketClient(http).get("auditor", "/api/assignments").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map<String, Object>> anonymous = http.exchange("/api/assignments", HttpMethod.GET, null, MAP);
        assertStatus(anonymous, 401, "authentication-required");
        assertThat(anonymous.getHeaders().get("WWW-Authenticate")).hasSize(2);
    }
}
