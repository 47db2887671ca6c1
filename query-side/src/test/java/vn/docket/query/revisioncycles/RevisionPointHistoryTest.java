package vn.docket.query.revisioncycles;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionPointsAnswered.Answer;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.query.assignments.TestDatabase;

/** Each point's story in the revision statistics: raised, answered, then closed or reopened, counted per round. */
class RevisionPointHistoryTest {

    static final UUID ID = UUID.randomUUID();
    static final String LEADERS = "Lãnh đạo UBND thành phố";
    static final MetaData CHAIR = MetaData.from(EventMetadata.of(
            new Actor("chair", "Hoàng Văn Nam", LEADERS, Role.CHAIR), "command-1"));

    MongoDatabase database;
    RevisionCycleProjection projection;

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    @BeforeEach
    void setUp() {
        database = db.database();
        projection = new RevisionCycleProjection(database);
    }

    @Test
    void sending_v2_back_reopens_the_point_named_and_closes_the_other_answered_ones() {
        RevisionIndex index = new RevisionIndex();
        RevisionPointsAnswered answered = new RevisionPointsAnswered(ID, 2, List.of(
                new PointAnswer("1.1", Answer.TAKEN_IN, "Mục I"), new PointAnswer("1.2", Answer.TAKEN_IN, "Phụ lục"),
                new PointAnswer("1.3", Answer.EXPLAINED, "Giữ nguyên")), day(20));
        RevisionRequested second = new RevisionRequested(ID, 2, LEADERS, List.of(), List.of("1.3"), null, null, day(22));
        sendV1BackWithThreePointsAndHandInV2(index);
        projection.on(answered, 4);
        index.on(answered, 4);
        projection.on(answered, 4); // redelivered: counted once
        index.on(answered, 4);
        projection.on(second, 5, CHAIR);
        index.on(second, 5);

        Document doc = database.getCollection(RevisionCycleProjection.COLLECTION)
                .find(Filters.eq("_id", ID.toString())).first();
        List<Document> points = doc.getList("points", Document.class);
        assertThat(points).extracting(p -> p.getString("status")).containsExactly("CLOSED", "CLOSED", "REOPENED");
        assertThat(points.get(2)).containsEntry("answer", "EXPLAINED").containsEntry("answeredInVersion", 2)
                .containsEntry("reopenedOn", "2021-04-22").containsEntry("raisedOn", "2021-04-15");
        assertThat(points.get(0).get("raisedBy", Document.class)).containsEntry("name", "Hoàng Văn Nam");
        assertThat(index.find(c -> true)).hasSize(1);
        assertThat(index.find(c -> true).get(0).rounds()).containsExactly(
                new RevisionIndex.Round(1, day(15), day(20), 3, 0, 2, 1, 0),
                new RevisionIndex.Round(2, day(22), null, 0, 1, 0, 0, 0));
    }

    /**
     * v1 is sent back with three points, v2 answers one of them, and the leader approves v2 at last: the two points no
     * draft answered are closed by the approval, unanswered, and counted so rather than as open.
     */
    @Test
    void the_final_approval_closes_the_points_no_draft_answered_as_closed_unanswered() {
        RevisionIndex index = new RevisionIndex();
        RevisionPointsAnswered answered = new RevisionPointsAnswered(ID, 2, List.of(
                new PointAnswer("1.1", Answer.TAKEN_IN, "Mục I")), day(20));
        DraftApproved approved = new DraftApproved(ID, 2, LEADERS, true, "Đồng ý", null, day(23));
        sendV1BackWithThreePointsAndHandInV2(index);
        projection.on(answered, 4);
        index.on(answered, 4);
        projection.on(approved, 5);
        index.on(approved, 5);
        projection.on(approved, 5); // redelivered: counted once
        index.on(approved, 5);

        List<Document> points = database.getCollection(RevisionCycleProjection.COLLECTION)
                .find(Filters.eq("_id", ID.toString())).first().getList("points", Document.class);
        assertThat(points).extracting(p -> p.getString("status")).containsExactly("CLOSED", "CLOSED_UNANSWERED",
                "CLOSED_UNANSWERED");
        assertThat(points.get(1)).containsEntry("closedOn", "2021-04-23").doesNotContainKey("answer");
        assertThat(index.find(c -> true).get(0).rounds()).containsExactly(
                new RevisionIndex.Round(1, day(15), day(20), 3, 0, 1, 0, 2));
        long[] closedUnanswered = {0};
        index.forEachTotals((unit, kind) -> true,
                t -> t.rounds.forEach(r -> closedUnanswered[0] += r[RevisionIndex.CLOSED_UNANSWERED]));
        assertThat(closedUnanswered[0]).isEqualTo(2);
    }

    /** Before the last level the draft may still come back to the unit, which answers the open points then. */
    @Test
    void an_approval_before_the_last_level_leaves_the_unanswered_points_open() {
        RevisionIndex index = new RevisionIndex();
        RevisionRequested first = new RevisionRequested(ID, 1, LEADERS, List.of("Bố cục", "Lộ trình"), null, day(15));
        DraftApproved approved = new DraftApproved(ID, 2, LEADERS, false, "Đồng ý", null, day(23));
        index.on(NewTask.task().id(ID).title("Kế hoạch").deadline(null).route(List.of(LEADERS, "Ban Thường vụ Thành ủy"))
                .source(null).effectiveDate(day(13)).assigned(), 0);
        projection.on(first, 2, CHAIR);
        index.on(first, 2);
        projection.on(approved, 4);
        index.on(approved, 4);

        List<Document> points = database.getCollection(RevisionCycleProjection.COLLECTION)
                .find(Filters.eq("_id", ID.toString())).first().getList("points", Document.class);
        assertThat(points).extracting(p -> p.getString("status")).containsExactly("OPEN", "OPEN");
        assertThat(index.find(c -> true).get(0).rounds().get(0).closedUnanswered()).isZero();
    }

    /** The round came back with v2: a later draft, sent back or not, does not move the day it came back. */
    @Test
    void a_draft_handed_in_after_the_round_came_back_leaves_the_round_as_it_was() {
        RevisionIndex index = new RevisionIndex();
        sendV1BackWithThreePointsAndHandInV2(index);
        index.on(new DraftSubmitted(ID, 3, "v3", null, "https://x.vn/v3", null, day(27)), 4);

        assertThat(index.find(c -> true).get(0).rounds()).containsExactly(
                new RevisionIndex.Round(1, day(15), day(20), 3, 0, 0, 0, 0));
    }

    /** The first round both stories share: v1 handed in on the 13th, sent back with three points, v2 handed in on the 20th. */
    void sendV1BackWithThreePointsAndHandInV2(RevisionIndex index) {
        RevisionRequested first = new RevisionRequested(ID, 1, LEADERS, List.of("Bố cục", "Lộ trình", "Thực trạng"), null,
                day(15));
        index.on(NewTask.task().id(ID).title("Kế hoạch").deadline(null).route(List.of(LEADERS)).source(null)
                .effectiveDate(day(13)).assigned(), 0);
        index.on(new DraftSubmitted(ID, 1, "v1", null, "https://x.vn/v1", null, day(13)), 1);
        projection.on(first, 2, CHAIR);
        index.on(first, 2);
        index.on(new DraftSubmitted(ID, 2, "v2", null, "https://x.vn/v2", null, day(20)), 3);
    }

    static LocalDate day(int april) {
        return LocalDate.of(2021, 4, april);
    }
}
