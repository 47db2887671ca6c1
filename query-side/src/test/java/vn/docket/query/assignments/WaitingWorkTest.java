package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.approval.ApprovalLevels.Level;
import vn.docket.platform.users.UserStore;

/**
 * What waits for each person, picked from the list's index, against the same rule taken plainly over the test's
 * own model of 3,000 assignments (their routes climb "Hội đồng thẩm định", an outside body here, then the
 * vice-chair and the chair, or go to "Lãnh đạo UBND thành phố").
 */
class WaitingWorkTest {

    static final ApprovalLevels LEVELS = new ApprovalLevels(List.of(
            new Level("Lãnh đạo UBND thành phố", Set.of(Role.CHAIR, Role.VICE_CHAIR), false),
            new Level("Phó Chủ tịch UBND", Set.of(Role.VICE_CHAIR), false),
            new Level("Chủ tịch UBND", Set.of(Role.CHAIR), false),
            new Level("Hội đồng thẩm định", Set.of(Role.CLERK), true)));

    MongoServer server;
    MongoClient client;
    AssignmentIndexTest data;
    WaitingWork waiting;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        data = new AssignmentIndexTest();
        data.generate();
        waiting = new WaitingWork(LEVELS, new UserStore(client.getDatabase("test")));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_vice_chair_is_waited_for_by_drafts_at_the_levels_their_role_lets_them_act_at() {
        check(new Actor("vc", "Phó Chủ tịch", null, Role.VICE_CHAIR),
                a -> awaitsOneOf(a, "Lãnh đạo UBND thành phố", "Phó Chủ tịch UBND") || extensionToDecide(a));
    }

    @Test
    void an_extension_request_waits_for_the_leaders_until_one_decides_it() {
        assertThat(data.known.values().stream().filter(WaitingWorkTest::extensionToDecide).count())
                .as("the generated history has requests still awaiting a decision").isGreaterThan(10);

        // Exactly these: a request refused, or settled by an extension, waits for nobody any more.
        check(new Actor("ct", "Chủ tịch", null, Role.CHAIR),
                a -> awaitsOneOf(a, "Lãnh đạo UBND thành phố", "Chủ tịch UBND") || extensionToDecide(a));
    }

    @Test
    void a_level_an_administrator_granted_waits_for_the_leader_as_their_roles_levels_do() {
        client.getDatabase("test").getCollection("users").insertOne(new Document("_id", "vc").append("name", "Phó Chủ tịch")
                .append("role", Role.VICE_CHAIR.name()).append("enabled", true).append("levels", List.of("Chủ tịch UBND")));

        check(new Actor("vc", "Phó Chủ tịch", null, Role.VICE_CHAIR),
                a -> awaitsOneOf(a, "Lãnh đạo UBND thành phố", "Phó Chủ tịch UBND", "Chủ tịch UBND") || extensionToDecide(a));
    }

    @Test
    void a_clerk_is_waited_for_by_approved_documents_to_issue_and_by_drafts_awaiting_an_outside_body() {
        check(AssignmentIndexTest.CLERK, a -> a.status == AssignmentStatus.APPROVED && a.parent == null
                || "Hội đồng thẩm định".equals(AssignmentIndexTest.awaiting(a)));
    }

    @Test
    void an_approved_contribution_waits_for_no_clerk_since_the_lead_unit_takes_it_into_its_own_draft() {
        List<String> contributions = data.known.values().stream()
                .filter(a -> a.status == AssignmentStatus.APPROVED && a.parent != null).map(a -> a.id).toList();
        assertThat(contributions).as("the generated history has approved contributions").isNotEmpty();

        assertThat(data.index.find(ListFilter.ALL.and(waiting.filter(AssignmentIndexTest.CLERK)), 0, Integer.MAX_VALUE).ids())
                .doesNotContainAnyElementsOf(contributions);
    }

    @Test
    void a_unit_is_waited_for_by_the_work_it_leads_while_the_work_is_with_it() {
        String unit = AssignmentIndexTest.UNITS.get(3);
        Predicate<AssignmentIndexTest.Known> withTheUnit = a -> a.lead.equals(unit)
                && (a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.REVISION_REQUESTED);
        check(AssignmentIndexTest.staffOf(unit), withTheUnit);
        check(new Actor("head", "Trưởng phòng", unit, Role.UNIT_HEAD), withTheUnit);
    }

    @Test
    void nothing_waits_for_an_auditor() {
        assertThat(data.index.find(ListFilter.ALL.and(waiting.filter(new Actor("au", "Thanh tra", null, Role.AUDITOR))), 0, 10)
                .total())
                .isZero();
    }

    /** Open work whose unit asked for an extension that no leader has decided yet. */
    private static boolean extensionToDecide(AssignmentIndexTest.Known a) {
        return a.extensionPending && (a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.DRAFT_SUBMITTED
                || a.status == AssignmentStatus.REVISION_REQUESTED);
    }

    private static boolean awaitsOneOf(AssignmentIndexTest.Known a, String... levels) {
        return Arrays.asList(levels).contains(AssignmentIndexTest.awaiting(a));
    }

    private void check(Actor actor, Predicate<AssignmentIndexTest.Known> waitsFor) {
        List<String> expected = data.known.values().stream().filter(waitsFor).sorted(AssignmentIndexTest.ORDER)
                .map(a -> a.id).toList();
        AssignmentIndex.Hits hits = data.index.find(ListFilter.ALL.and(waiting.filter(actor)), 0, Integer.MAX_VALUE);

        assertThat(expected).as("the generated history has such work").hasSizeGreaterThan(10);
        assertThat(hits.ids()).isEqualTo(expected);
    }
}
