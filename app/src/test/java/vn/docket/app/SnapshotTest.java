package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A plan that went round many times is loaded from a snapshot, and every rule still knows its past. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // No aggregate cache: every command restores the assignment from its snapshot and the events after it.
        properties = {"docket.event-store.snapshot-threshold=3", "docket.event-store.aggregate-cache=0"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SnapshotTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    @Test
    void after_a_snapshot_the_assignment_still_knows_its_version_its_route_and_who_submitted_the_draft() {
        DocketClient docket = new DocketClient(http);
        String id = Walks.assign(docket, "Đề án phát triển kinh tế đêm", "Phòng Tài chính - Kế hoạch", "2021-05-30",
                List.of("Lãnh đạo UBND thành phố", "Ban Thường vụ Thành ủy"));
        for (int round = 1; round <= 3; round++) {
            Walks.draft(docket, "tckh", id, "2021-04-2" + round);
            docket.ok("pct", "/api/assignments/" + id + "/revision-requests",
                    Map.of("reasons", List.of("Vòng " + round + ": bổ sung số liệu"), "effectiveDate", "2021-04-2" + round));
        }
        assertThat(database.getCollection("docket_snapshots").countDocuments(Filters.eq("_id", id))).isEqualTo(1);

        // Restored from the snapshot and the events after it: version 4 comes next, the route starts again
        // at its first level, and the second level is an outside body only a clerk may record.
        assertThat(docket.ok("tckh", "/api/assignments/" + id + "/drafts", Map.of("documentName", "v4.docx",
                "documentUrl", "https://vanban.example.vn/v4", "effectiveDate", "2021-04-25"))).containsEntry("version", 4);
        docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("effectiveDate", "2021-04-26"));
        assertThat(docket.post("pct", "/api/assignments/" + id + "/approvals", Map.of()).getStatusCode().value())
                .isEqualTo(403);
        docket.ok("clerk", "/api/assignments/" + id + "/approvals", Map.of("effectiveDate", "2021-04-28",
                "decisionRef", Map.of("number", "45-TB/TU", "date", "2021-04-28")));
        assertThat(docket.await("auditor", "/api/assignments/" + id, a -> "APPROVED".equals(a.get("status"))))
                .containsEntry("currentVersion", 4);
    }

    /** A draft's file is found in the assignment's events, all of them: not only in those after its snapshot. */
    @Test
    void after_a_snapshot_the_drafts_handed_in_before_it_still_open_and_compare() {
        DocketClient docket = new DocketClient(http);
        String id = Walks.assign(docket, "Kế hoạch chuyển đổi số năm 2021", "Phòng Tài chính - Kế hoạch", "2021-05-30",
                List.of("Lãnh đạo UBND thành phố"));
        String at = "/api/assignments/" + id;
        for (int round = 1; round <= 3; round++) {
            Walks.handInFile(http, "tckh", at + "/drafts", "Kế hoạch v" + round + ".docx", Map.of());
            docket.ok("pct", at + "/revision-requests", Map.of("reasons", List.of("Vòng " + round + ": bổ sung số liệu")));
        }
        assertThat(database.getCollection("docket_snapshots").countDocuments(Filters.eq("_id", id))).isEqualTo(1);
        for (String read : List.of("/drafts/1/file", "/drafts/1/text", "/drafts/3/changes?from=1")) {
            ResponseEntity<String> answer = http.withBasicAuth("chair", "demo").getForEntity(at + read, String.class);
            assertThat(answer.getStatusCode().value()).as("%s %s", read, answer.getBody()).isEqualTo(200);
        }
    }

    @Test
    void after_a_snapshot_an_extension_request_still_awaits_its_decision_and_no_step_goes_before_the_last() {
        DocketClient docket = new DocketClient(http);
        String id = Walks.assign(docket, "Báo cáo tình hình giải ngân vốn đầu tư công", "Phòng Tài chính - Kế hoạch",
                "2021-05-30", List.of("Lãnh đạo UBND thành phố"));
        docket.ok("tckh", "/api/assignments/" + id + "/extension-requests",
                Map.of("newDeadline", "2021-06-15", "reason", "Chờ số liệu quý II", "effectiveDate", "2021-04-20"));
        Walks.draft(docket, "tckh", id, "2021-04-21");
        docket.ok("pct", "/api/assignments/" + id + "/revision-requests",
                Map.of("reasons", List.of("Bổ sung số liệu"), "effectiveDate", "2021-04-21"));
        // The fifth event, the last before the decision, is the one the snapshot is taken with.
        Walks.draft(docket, "tckh", id, "2021-04-22");
        assertThat(database.getCollection("docket_snapshots").countDocuments(Filters.eq("_id", id))).isEqualTo(1);

        // Restored from the snapshot alone (the pending request and the last step's date live in the assignment's
        // entities): a decision dated before the last step is refused, one on its day moves the deadline.
        var early = docket.post("chair", "/api/assignments/" + id + "/extension-requests/decision",
                Map.of("approve", true, "effectiveDate", "2021-04-21"));
        assertThat(early.getStatusCode().value()).isEqualTo(422);
        assertThat(early.getBody()).containsEntry("rule", "effective-date-order");
        docket.ok("chair", "/api/assignments/" + id + "/extension-requests/decision",
                Map.of("approve", true, "effectiveDate", "2021-04-22"));
        docket.await("auditor", "/api/assignments/" + id, a -> "2021-06-15".equals(a.get("deadline")));
    }

    @Test
    void a_snapshot_of_an_older_shape_of_the_assignment_is_ignored_and_the_assignment_rebuilt_from_its_events() {
        DocketClient docket = new DocketClient(http);
        String id = Walks.assign(docket, "Kế hoạch chuyển đổi số năm 2021", "Phòng Tài chính - Kế hoạch", "2021-05-30",
                List.of("Lãnh đạo UBND thành phố"));
        for (int round = 1; round <= 2; round++) {
            Walks.draft(docket, "tckh", id, "2021-04-2" + round);
            docket.ok("pct", "/api/assignments/" + id + "/revision-requests",
                    Map.of("reasons", List.of("Vòng " + round + ": bổ sung số liệu"), "effectiveDate", "2021-04-2" + round));
        }
        MongoCollection<Document> snapshots = database.getCollection("docket_snapshots");
        Document snapshot = snapshots.find(Filters.eq("_id", id)).first();
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.getString("payloadRevision")).isNotNull();

        // A snapshot as an older Assignment wrote it: no revision, and a state the events do not support (an
        // issued document). Read, it would refuse the next draft; ignored, the events say the unit holds the work.
        Document older = Document.parse(snapshot.getString("payload")).append("status", "ISSUED");
        snapshots.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("payloadRevision", null),
                Updates.set("payload", older.toJson())));

        assertThat(docket.ok("tckh", "/api/assignments/" + id + "/drafts", Map.of("documentName", "v3.docx",
                "documentUrl", "https://vanban.example.vn/v3", "effectiveDate", "2021-04-25"))).containsEntry("version", 3);
    }
}
