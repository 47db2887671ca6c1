package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.security.DocketUser;
import vn.docket.platform.users.UserStore;

/** What {@code /api/me} tells the pages of the person, so that no page keeps its own list of roles. */
class MeControllerTest {

    MongoServer server;
    MongoClient client;
    MeController controller;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        controller = new MeController(new ApprovalLevels(List.of()), new UserStore(client.getDatabase("test")));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_chair_and_a_vice_chair_are_told_they_lead_and_the_office_units_and_auditors_are_not() {
        assertThat(me(Role.CHAIR, null).path("leader").asBoolean()).isTrue();
        assertThat(me(Role.VICE_CHAIR, null).path("leader").asBoolean()).isTrue();
        assertThat(me(Role.CLERK, "Văn phòng HĐND và UBND thành phố").path("leader").asBoolean()).isFalse();
        assertThat(me(Role.UNIT_HEAD, "Phòng Kinh tế").path("leader").asBoolean()).isFalse();
        assertThat(me(Role.AUDITOR, null).path("leader").asBoolean()).isFalse();
    }

    @Test
    void auditors_administrators_and_clerks_are_told_they_may_verify_the_store_and_leaders_and_units_are_not() {
        assertThat(me(Role.AUDITOR, null).path("mayVerify").asBoolean()).isTrue();
        assertThat(me(Role.ADMIN, null).path("mayVerify").asBoolean()).isTrue();
        assertThat(me(Role.CLERK, "Văn phòng HĐND và UBND thành phố").path("mayVerify").asBoolean()).isTrue();
        assertThat(me(Role.CHAIR, null).path("mayVerify").asBoolean()).isFalse();
        assertThat(me(Role.UNIT_STAFF, "Phòng Kinh tế").path("mayVerify").asBoolean()).isFalse();
    }

    /** The body of {@code GET /api/me} for a person of this role, as the pages read it. */
    private JsonNode me(Role role, String unit) {
        DocketUser user = new DocketUser(new Actor("someone", "Người dùng", unit, role), null);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return new ObjectMapper().valueToTree(controller.me());
    }
}
