package vn.docket.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.AccessDenied;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.UserRegistered;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.notices.DocumentType;
import vn.docket.query.support.ApiJson;

/** The audit log's HTTP body, field for field: an assignment's events, a refused request and a user's registration. */
class AuditJsonTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000002");
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Actor STAFF = new Actor("hung", "Trần Văn Hùng", "Phòng Kinh tế", Role.UNIT_STAFF);

    List<AnnotationEventHandlerAdapter> handlers;
    AuditController controller;

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    @BeforeEach
    void setUp() {
        MongoDatabase database = db.database();
        AssignmentIndex assignments = TestReadSide.index();
        AuditIndex index = new AuditIndex();
        handlers = List.of(new AnnotationEventHandlerAdapter(assignments), new AnnotationEventHandlerAdapter(index),
                new AnnotationEventHandlerAdapter(new AuditLogProjection(database, ApiJson.MAPPER)));
        controller = new AuditController(database, TestReadSide.visibility(assignments),
                TestReadSide.lookup(database, assignments, Clock.systemUTC()), assignments, index,
                TestReadSide.noUnitDirectory());
        TestReadSide.signIn(CLERK);
    }

    @Test
    void the_log_answers_every_field_a_client_reads_newest_first() throws Exception {
        deliver(new GenericDomainEventMessage<>("User", "hung", 0, new UserRegistered("hung", "Trần Văn Hùng", "Phòng Kinh tế",
                Role.UNIT_STAFF, "admin"), MetaData.from(EventMetadata.of(CLERK, "cmd-1")), "e-1", AT));
        deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 0, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số")
                .leadUnit("Phòng Kinh tế").deadline(DAY.plusDays(60)).route(List.of("Phó Chủ tịch UBND")).source(null)
                .effectiveDate(DAY).assigned(), MetaData.from(EventMetadata.of(CLERK, "cmd-2")), "e-2", AT.plusSeconds(60)));
        deliver(new GenericEventMessage<>("e-3", new AccessDenied("POST", "/api/assignments/" + ID + "/approve", "role",
                "Chỉ lãnh đạo được duyệt.", ID, DAY.plusDays(1)), MetaData.from(EventMetadata.of(STAFF, "cmd-3")), AT.plusSeconds(120)));
        deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 1, new DraftSubmitted(ID, 1, "KH v1.docx", null,
                "https://vanban.example.vn/kh/1", null, DAY.plusDays(2), null), MetaData.from(EventMetadata.of(STAFF, "cmd-4")),
                "e-4", AT.plusSeconds(180)));

        ApiJson.assertBody(controller.audit(null, null, null, null, null, null, null, null, 0, 50), """
                {
                  "items" : [ {
                    "eventId" : "e-4",
                    "type" : "DraftSubmitted",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000002",
                    "assignmentTitle" : null,
                    "sequence" : 1,
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "recordedAt" : "2026-11-02T02:33:00Z",
                    "effectiveDate" : "2026-11-04",
                    "commandId" : "cmd-4",
                    "payload" : {
                      "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000002",
                      "version" : 1,
                      "documentName" : "KH v1.docx",
                      "documentSha256" : null,
                      "documentUrl" : "https://vanban.example.vn/kh/1",
                      "note" : null,
                      "effectiveDate" : "2026-11-04",
                      "file" : null
                    }
                  }, {
                    "eventId" : "e-3",
                    "type" : "AccessDenied",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000002",
                    "assignmentTitle" : null,
                    "sequence" : null,
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "recordedAt" : "2026-11-02T02:32:00Z",
                    "effectiveDate" : "2026-11-03",
                    "commandId" : "cmd-3",
                    "payload" : {
                      "method" : "POST",
                      "path" : "/api/assignments/3f2a9c1e-0000-4000-8000-000000000002/approve",
                      "rule" : "role",
                      "reason" : "Chỉ lãnh đạo được duyệt.",
                      "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000002",
                      "effectiveDate" : "2026-11-03"
                    }
                  }, {
                    "eventId" : "e-2",
                    "type" : "TaskAssigned",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000002",
                    "assignmentTitle" : null,
                    "sequence" : 0,
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T02:31:00Z",
                    "effectiveDate" : "2026-11-02",
                    "commandId" : "cmd-2",
                    "payload" : {
                      "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000002",
                      "title" : "Kế hoạch chuyển đổi số",
                      "kind" : "PLAN",
                      "leadUnit" : "Phòng Kinh tế",
                      "coordinatingUnits" : [ ],
                      "deadline" : "2027-01-01",
                      "approvalRoute" : [ "Phó Chủ tịch UBND" ],
                      "source" : null,
                      "parentId" : null,
                      "effectiveDate" : "2026-11-02"
                    }
                  }, {
                    "eventId" : "e-1",
                    "type" : "UserRegistered",
                    "assignmentId" : null,
                    "assignmentTitle" : null,
                    "sequence" : 0,
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T02:30:00Z",
                    "effectiveDate" : null,
                    "commandId" : "cmd-1",
                    "payload" : {
                      "userId" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF",
                      "origin" : "admin"
                    }
                  } ],
                  "page" : 0,
                  "size" : 50,
                  "total" : 4
                }
                """);
    }

    /**
     * A grant stored before DeadlineExtended said whose words its reason was reads as the unit's when its reason is the
     * request's word for word, as the plan path reads it; one with the leader's own words, or a later clerk's, does not.
     */
    @Test
    void a_grant_stored_before_it_said_whose_reason_it_carries_is_read_by_the_words_of_the_request_it_settled() throws Exception {
        deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 0, NewTask.task().id(ID).leadUnit("Phòng Kinh tế")
                .deadline(DAY.plusDays(10)).source(null).effectiveDate(DAY).assigned(),
                MetaData.from(EventMetadata.of(CLERK, "cmd-1")), "e-1", AT));
        Actor vice = new Actor("pct", "Hoàng Văn Nam", null, Role.VICE_CHAIR);
        String[] asked = {"Chờ số liệu quyết toán của các xã", "Chờ ý kiến Sở Tài chính"};
        String[] granted = {"Chờ số liệu quyết toán của các xã", "Theo chỉ đạo của Chủ tịch"};
        for (int i = 0; i < 2; i++) {
            deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 1 + 2 * i, new ExtensionRequested(ID,
                    DAY.plusDays(10 + i), DAY.plusDays(20 + i), asked[i], DAY), MetaData.from(EventMetadata.of(STAFF, "cmd-r" + i)),
                    "asked-" + i, AT.plusSeconds(60 + 120 * i)));
            deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 2 + 2 * i, new DeadlineExtended(ID,
                    DAY.plusDays(10 + i), DAY.plusDays(20 + i), granted[i], DAY, null), MetaData.from(EventMetadata.of(vice, "cmd-g" + i)),
                    "granted-" + i, AT.plusSeconds(120 + 120 * i)));
        }
        deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 5, new DeadlineExtended(ID, DAY.plusDays(21),
                DAY.plusDays(30), "Chờ số liệu quyết toán của các xã", DAY), MetaData.from(EventMetadata.of(CLERK, "cmd-e")),
                "extended", AT.plusSeconds(600)));

        var log = controller.audit(null, null, null, null, null, null, null, null, 0, 50).items().stream()
                .filter(e -> e.type().equals("DeadlineExtended")).toList();

        assertThat(log).extracting(AuditController.AuditEntry::eventId).containsExactly("extended", "granted-1", "granted-0");
        assertThat(log).extracting(e -> e.payload().get("reasonFromRequest")).containsExactly(false, null, true);
    }

    @Test
    void a_notices_own_steps_name_the_type_of_document_its_number_gives() throws Exception {
        UUID notice = UUID.fromString("3f2a9c1e-0000-4000-8000-0000000000aa");
        deliver(new GenericDomainEventMessage<>("Notice", notice.toString(), 0, new NoticeRegistered(notice,
                new NoticeParticulars("9387/UBND-KT", "UBND tỉnh Lào Cai", null, DAY, null, null, null, null, null),
                "ab".repeat(32), 2, DAY), MetaData.from(EventMetadata.of(CLERK, "cmd-1")), "e-1", AT));
        deliver(new GenericDomainEventMessage<>("Notice", notice.toString(), 1, new NoticeNumberCorrected(notice,
                "9387/UBND-KT", "45-KL/TU", null, "Ghi nhầm số"), MetaData.from(EventMetadata.of(CLERK, "cmd-2")), "e-2",
                AT.plusSeconds(60)));
        deliver(new GenericDomainEventMessage<>("Assignment", ID.toString(), 0, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số")
                .leadUnit("Phòng Kinh tế").deadline(DAY.plusDays(60)).route(List.of("Phó Chủ tịch UBND")).source(null)
                .effectiveDate(DAY).assigned(), MetaData.from(EventMetadata.of(CLERK, "cmd-3")), "e-3", AT.plusSeconds(120)));

        assertThat(controller.audit(null, null, null, null, null, null, null, null, 0, 50).items())
                .extracting(AuditController.AuditEntry::eventId, AuditController.AuditEntry::documentType)
                .containsExactly(tuple("e-3", null), tuple("e-2", DocumentType.CONCLUSION), tuple("e-1", DocumentType.LETTER));
    }

    private void deliver(EventMessage<?> message) throws Exception {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                handler.handle(message);
            }
        }
    }
}
