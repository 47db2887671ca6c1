package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;

/** The list projection on a real (embedded) MongoDB: redelivered events change nothing. */
class AssignmentListProjectionTest {

    static final UUID ID = UUID.randomUUID();
    MongoServer server;
    MongoClient client;
    MongoDatabase database;
    AssignmentListProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        projection = new AssignmentListProjection(database);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    /** A plan Phòng Kinh tế leads, assigned on 13/4/2021, due 25/4/2021. */
    static TaskAssigned assigned(UUID id) {
        return NewTask.task().id(id).title("Kế hoạch").leadUnit("Phòng Kinh tế").source(null).assigned();
    }

    Document doc() {
        return database.getCollection(AssignmentListProjection.COLLECTION).find(Filters.eq("_id", ID.toString())).first();
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        projection.on(assigned(ID), 0);
        projection.on(new DraftSubmitted(ID, 1, "v1", null, "https://x.vn", null, LocalDate.of(2021, 4, 14)), 1);
        projection.on(new RevisionRequested(ID, 1, "Lãnh đạo UBND thành phố", List.of("Bổ sung"), null,
                LocalDate.of(2021, 4, 15)), 2);
        Document afterOnce = doc();
        // At-least-once delivery: the token was not stored before a restart, so 1 and 2 arrive again.
        projection.on(new DraftSubmitted(ID, 1, "v1", null, "https://x.vn", null, LocalDate.of(2021, 4, 14)), 1);
        projection.on(new RevisionRequested(ID, 1, "Lãnh đạo UBND thành phố", List.of("Bổ sung"), null,
                LocalDate.of(2021, 4, 15)), 2);
        assertThat(doc()).isEqualTo(afterOnce);
        assertThat(doc().getString("status")).isEqualTo("REVISION_REQUESTED");
    }

    @Test
    void an_extension_keeps_the_original_deadline() {
        projection.on(assigned(ID), 0);

        projection.on(new DeadlineExtended(ID, LocalDate.of(2021, 4, 25), LocalDate.of(2021, 5, 10), "Chờ số liệu",
                LocalDate.of(2021, 4, 24)), 1);

        assertThat(doc().getString("originalDeadline")).isEqualTo("2021-04-25");
        assertThat(doc().getString("deadline")).isEqualTo("2021-05-10");
        assertThat(AssignmentView.from(AssignmentRecord.read(doc()), LocalDate.of(2021, 4, 28), null).timeliness()).isEqualTo(Timeliness.ON_TIME);
    }

    /** The notice gave no date: the deadline the clerk then set (Đặt hạn) is the original one, once extended too. */
    @Test
    void the_first_deadline_set_on_an_assignment_assigned_without_one_stays_its_original_deadline_when_extended() {
        projection.on(NewTask.task().id(ID).deadline(null).source(null).assigned(), 0);
        projection.on(new DeadlineExtended(ID, null, LocalDate.of(2021, 4, 25), "Đặt hạn", LocalDate.of(2021, 4, 14)), 1);
        projection.on(new DeadlineExtended(ID, LocalDate.of(2021, 4, 25), LocalDate.of(2021, 5, 10), "Chờ số liệu",
                LocalDate.of(2021, 4, 24)), 2);
        Document once = doc();
        // Redelivered after a restart: the later extension must not pass for the first deadline.
        projection.on(new DeadlineExtended(ID, LocalDate.of(2021, 4, 25), LocalDate.of(2021, 5, 10), "Chờ số liệu",
                LocalDate.of(2021, 4, 24)), 2);

        assertThat(doc()).isEqualTo(once);
        assertThat(doc().getString("originalDeadline")).isEqualTo("2021-04-25");
        assertThat(doc().getString("deadline")).isEqualTo("2021-05-10");
    }

    /** A revision's due date given to an assignment that had none is its first deadline, hence its original. */
    @Test
    void a_revision_due_date_on_an_assignment_assigned_without_a_deadline_becomes_its_original_deadline() {
        projection.on(NewTask.task().id(ID).deadline(null).source(null).assigned(), 0);
        projection.on(new DraftSubmitted(ID, 1, "v1", null, "https://x.vn", null, LocalDate.of(2021, 4, 14)), 1);
        projection.on(new RevisionRequested(ID, 1, "Lãnh đạo UBND thành phố", List.of("Bổ sung"), LocalDate.of(2021, 4, 30),
                LocalDate.of(2021, 4, 15)), 2);
        projection.on(new DeadlineExtended(ID, LocalDate.of(2021, 4, 30), LocalDate.of(2021, 5, 10), "Chờ số liệu",
                LocalDate.of(2021, 4, 24)), 3);

        assertThat(doc().getString("originalDeadline")).isEqualTo("2021-04-30");
        assertThat(doc().getString("deadline")).isEqualTo("2021-05-10");
    }

    /** Nobody can decide a request once the work is done with (assignment-closed): the page must not say one waits. */
    @Test
    void a_request_still_pending_when_the_work_is_approved_or_cancelled_no_longer_shows_as_awaiting_a_decision() {
        UUID cancelled = UUID.randomUUID();
        for (UUID id : List.of(ID, cancelled)) {
            projection.on(assigned(id), 0);
            projection.on(new ExtensionRequested(id, LocalDate.of(2021, 4, 25), LocalDate.of(2021, 5, 10), "Chờ số liệu",
                    LocalDate.of(2021, 4, 20)), 1, MetaData.with(EventMetadata.ACTOR_ID, "tckh"));
        }
        projection.on(new DraftSubmitted(ID, 1, "v1", null, "https://x.vn", null, LocalDate.of(2021, 4, 22)), 2);
        projection.on(new DraftApproved(ID, 1, "Lãnh đạo UBND thành phố", true, null, null, LocalDate.of(2021, 4, 23)), 3);
        projection.on(new TaskCancelled(cancelled, "Không còn cần thiết", LocalDate.of(2021, 4, 23)), 2);

        LocalDate today = LocalDate.of(2021, 4, 26);
        AssignmentView approved = AssignmentView.from(AssignmentRecord.read(doc()), today, null);
        assertThat(approved.status()).hasToString("APPROVED");
        assertThat(approved.pendingExtension()).isNull();
        AssignmentView dropped = AssignmentView.from(AssignmentRecord.read(database.getCollection(
                AssignmentListProjection.COLLECTION).find(Filters.eq("_id", cancelled.toString())).first()), today, null);
        assertThat(dropped.status()).hasToString("CANCELLED");
        assertThat(dropped.pendingExtension()).isNull();
    }

    /** Stored for the record though neither the list nor the detail shows them: the meeting's verdict, the day of cancelling. */
    @Test
    void the_meeting_verdict_and_the_day_of_cancelling_are_kept_in_the_document() {
        projection.on(assigned(ID), 0);
        projection.on(new DraftSubmitted(ID, 1, "v1", null, "https://x.vn", null, LocalDate.of(2021, 4, 14)), 1);
        projection.on(new MeetingConcluded(ID, 1, MeetingVerdict.APPROVED_IN_PRINCIPLE, List.of(), null, null,
                LocalDate.of(2021, 4, 16)), 2);
        projection.on(new TaskCancelled(ID, "Không còn cần thiết", LocalDate.of(2021, 4, 20)), 3);

        assertThat(doc().getString("meetingVerdict")).isEqualTo("APPROVED_IN_PRINCIPLE");
        assertThat(doc().getString("cancelledOn")).isEqualTo("2021-04-20");
        assertThat(doc().getString("status")).isEqualTo("CANCELLED");
        assertThat(doc().get("handedInOn")).isNull();
    }
}
