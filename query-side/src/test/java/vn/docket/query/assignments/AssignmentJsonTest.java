package vn.docket.query.assignments;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DeliverableKind;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeSource;
import vn.docket.events.ReminderSent;
import vn.docket.events.Role;
import vn.docket.events.TaskReassigned;
import vn.docket.query.support.ApiJson;

/** An assignment as the list and the detail answer it, field for field: one waiting at its second level, one issued. */
class AssignmentJsonTest {

    static final UUID WAITING = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000004");
    static final UUID ISSUED = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000005");
    static final UUID NOTICE = UUID.fromString("3f2a9c1e-0000-4000-8000-0000000000aa");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Actor STAFF = new Actor("hung", "Trần Văn Hùng", "Phòng Kinh tế", Role.UNIT_STAFF);
    static final Actor VICE = new Actor("pct", "Lê Văn Phó", null, Role.VICE_CHAIR);
    static final List<String> ROUTE = List.of("Phó Chủ tịch UBND", "Chủ tịch UBND");

    MongoDatabase database;
    AnnotationEventHandlerAdapter projection;

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    @BeforeEach
    void setUp() {
        database = db.database();
        projection = new AnnotationEventHandlerAdapter(new AssignmentListProjection(database));
    }

    @Test
    void an_assignment_answers_every_field_a_client_reads() throws Exception {
        handle(WAITING, 0, CLERK, NewTask.task().id(WAITING).title("Kế hoạch chuyển đổi số năm 2027").leadUnit("Phòng Y tế")
                .coordinatingUnits(List.of("Phòng Tài chính - Kế hoạch")).deadline(DAY.plusDays(20)).route(ROUTE)
                .source(new NoticeSource("45/TB-UBND", 2, NOTICE)).effectiveDate(DAY).assigned());
        handle(WAITING, 1, CLERK, new TaskReassigned(WAITING, "Phòng Y tế", "Phòng Kinh tế", "Đúng chức năng", DAY.plusDays(1)));
        handle(WAITING, 2, CLERK, new ReminderSent(WAITING, "Phòng Kinh tế", ReminderSent.Kind.MANUAL, DAY.plusDays(20), null,
                "Đề nghị khẩn trương", DAY.plusDays(10)));
        handle(WAITING, 3, STAFF, new ExtensionRequested(WAITING, DAY.plusDays(20), DAY.plusDays(40), "Chờ số liệu quý", DAY.plusDays(12)));
        handle(WAITING, 4, CLERK, new DeadlineMissed(WAITING, "Phòng Kinh tế", DAY.plusDays(20), DAY.plusDays(21)));
        handle(WAITING, 5, STAFF, new DraftSubmitted(WAITING, 1, "KH v1.docx", null, "https://vanban.example.vn/kh/1", null,
                DAY.plusDays(25), null));
        handle(WAITING, 6, VICE, new DraftApproved(WAITING, 1, ROUTE.get(0), false, "Đồng ý", null, DAY.plusDays(26)));

        handle(ISSUED, 0, CLERK, NewTask.task().id(ISSUED).title("Báo cáo sơ kết").kind(DeliverableKind.REPORT)
                .leadUnit("Phòng Kinh tế").deadline(DAY.plusDays(30)).route(ROUTE.subList(0, 1))
                .source(new NoticeSource("45/TB-VP", 1)).parentId(WAITING).effectiveDate(DAY).assigned());
        handle(ISSUED, 1, STAFF, new DraftSubmitted(ISSUED, 1, "BC v1.docx", null, "https://vanban.example.vn/bc/1", null,
                DAY.plusDays(3), null));
        handle(ISSUED, 2, CLERK, new MeetingConcluded(ISSUED, 1, MeetingVerdict.APPROVED_IN_PRINCIPLE, List.of(), null, null,
                DAY.plusDays(5)));
        handle(ISSUED, 3, STAFF, new DraftSubmitted(ISSUED, 2, "BC v2.docx", null, "https://vanban.example.vn/bc/2", null,
                DAY.plusDays(6), null));
        handle(ISSUED, 4, VICE, new DraftApproved(ISSUED, 2, ROUTE.get(0), true, null, null, DAY.plusDays(7)));
        handle(ISSUED, 5, CLERK, new DocumentIssued(ISSUED, "91/BC-UBND", DAY.plusDays(8), null, null, null));
        AssignmentLookup lookup = TestReadSide.lookup(database, TestReadSide.index(),
                Clock.fixed(DAY.plusDays(28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

        ApiJson.assertBody(lookup.inOrder(List.of(WAITING.toString(), ISSUED.toString())), """
                [ {
                  "id" : "3f2a9c1e-0000-4000-8000-000000000004",
                  "title" : "Kế hoạch chuyển đổi số năm 2027",
                  "kind" : "PLAN",
                  "status" : "DRAFT_SUBMITTED",
                  "leadUnit" : "Phòng Kinh tế",
                  "coordinatingUnits" : [ "Phòng Tài chính - Kế hoạch" ],
                  "deadline" : "2026-11-22",
                  "originalDeadline" : "2026-11-22",
                  "currentVersion" : 1,
                  "approvalRoute" : [ "Phó Chủ tịch UBND", "Chủ tịch UBND" ],
                  "approvedLevels" : [ "Phó Chủ tịch UBND" ],
                  "timeliness" : "OVERDUE",
                  "daysOverdue" : 5,
                  "parentId" : null,
                  "source" : {
                    "notice" : "45/TB-UBND",
                    "item" : 2,
                    "noticeId" : "3f2a9c1e-0000-4000-8000-0000000000aa"
                  },
                  "assignedOn" : "2026-11-02",
                  "handedInOn" : "2026-11-27",
                  "approvedOn" : null,
                  "documentNumber" : null,
                  "issuedOn" : null,
                  "reminders" : 1,
                  "lastReminder" : {
                    "kind" : "MANUAL",
                    "chasedUnit" : "Phòng Kinh tế",
                    "by" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T04:30:00.000+00:00",
                    "note" : "Đề nghị khẩn trương"
                  },
                  "missedDeadline" : "2026-11-22",
                  "pendingExtension" : {
                    "newDeadline" : "2026-12-12",
                    "reason" : "Chờ số liệu quý",
                    "requestedOn" : "2026-11-14",
                    "by" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    }
                  },
                  "awaitingLevel" : "Chủ tịch UBND"
                }, {
                  "id" : "3f2a9c1e-0000-4000-8000-000000000005",
                  "title" : "Báo cáo sơ kết",
                  "kind" : "REPORT",
                  "status" : "ISSUED",
                  "leadUnit" : "Phòng Kinh tế",
                  "coordinatingUnits" : [ ],
                  "deadline" : "2026-12-02",
                  "originalDeadline" : "2026-12-02",
                  "currentVersion" : 2,
                  "approvalRoute" : [ "Phó Chủ tịch UBND" ],
                  "approvedLevels" : [ "Phó Chủ tịch UBND" ],
                  "timeliness" : "DONE_ON_TIME",
                  "daysOverdue" : null,
                  "parentId" : "3f2a9c1e-0000-4000-8000-000000000004",
                  "source" : {
                    "notice" : "45/TB-VP",
                    "item" : 1
                  },
                  "assignedOn" : "2026-11-02",
                  "handedInOn" : "2026-11-08",
                  "approvedOn" : "2026-11-09",
                  "documentNumber" : "91/BC-UBND",
                  "issuedOn" : "2026-11-10",
                  "reminders" : 0,
                  "lastReminder" : null,
                  "missedDeadline" : null,
                  "pendingExtension" : null,
                  "awaitingLevel" : null
                } ]
                """);
    }

    private void handle(UUID id, long seq, Actor actor, Object event) throws Exception {
        projection.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event,
                MetaData.from(EventMetadata.of(actor, "cmd-" + seq)), "event-" + id + "-" + seq, AT.plusSeconds(3600 * seq)));
    }
}
