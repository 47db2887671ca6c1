package vn.docket.query.notices;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.DecisionRef;
import vn.docket.events.DeliverableKind;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.NoticeSource;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.support.ApiJson;

/** The notices' HTTP bodies, field for field: the list, and one notice with its items' assignments (a sub-task last). */
class NoticeJsonTest {

    static final UUID NOTICE = UUID.fromString("3f2a9c1e-0000-4000-8000-0000000000aa");
    static final UUID OTHER = UUID.fromString("3f2a9c1e-0000-4000-8000-0000000000bb");
    static final UUID FIRST = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000006");
    static final UUID SUB = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000007");
    static final UUID SECOND = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000008");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);

    MongoDatabase database;
    List<AnnotationEventHandlerAdapter> handlers;
    NoticeIndex index;

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void setUp() {
        database = db.database();
        index = new NoticeIndex();
        handlers = List.of(new AnnotationEventHandlerAdapter(new NoticeProjection(database)),
                new AnnotationEventHandlerAdapter(index),
                new AnnotationEventHandlerAdapter(TestReadSide.listProjection(database)));
    }

    @Test
    void a_notice_and_the_list_answer_every_field_a_client_reads() throws Exception {
        // An assignment may reach the projection before its notice: the notice's document is made by either.
        deliver("Assignment", SECOND, task(SECOND, 2, null), 0);
        deliver("Notice", NOTICE, new NoticeRegistered(NOTICE, new NoticeParticulars("45/TB-UBND", "Ủy ban nhân dân thành phố", "Thủ Đức", DAY,
                "2026-11", DAY.minusDays(3), "Nguyễn Văn Chủ Tịch", new DecisionRef("12/GM-UBND", DAY.minusDays(6)),
                "Chánh Văn phòng"), "ab".repeat(32), 2, DAY), 1);
        deliver("Assignment", FIRST, task(FIRST, 1, null), 2);
        deliver("Assignment", SUB, task(SUB, 1, FIRST), 3);
        deliver("Notice", OTHER, new NoticeRegistered(OTHER, new NoticeParticulars("46/UBND-VP", "Ủy ban nhân dân thành phố", null, null,
                "2026-11", null, null, null, null), "cd".repeat(32), 1, DAY.plusDays(1)), 4);
        NoticeQueryController controller = new NoticeQueryController(database, TestReadSide.lookup(database, TestReadSide.index(),
                Clock.fixed(DAY.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)), TestReadSide.index(), index,
                TestReadSide.overAnEmptyIndex());
        TestReadSide.signIn(CLERK);

        ApiJson.assertBody(List.of(controller.list(0, 20), controller.one(NOTICE)), """
                [ {
                  "items" : [ {
                    "number" : "46/UBND-VP",
                    "issuer" : "Ủy ban nhân dân thành phố",
                    "place" : null,
                    "issuedOn" : null,
                    "issuedMonth" : "2026-11",
                    "meetingOn" : null,
                    "chair" : null,
                    "invitation" : null,
                    "signer" : null,
                    "sourceSha256" : "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
                    "items" : 1,
                    "registeredAt" : "2026-11-02T06:30:00Z",
                    "registeredBy" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "numberedLater" : false,
                    "id" : "3f2a9c1e-0000-4000-8000-0000000000bb",
                    "documentType" : "LETTER"
                  }, {
                    "number" : "45/TB-UBND",
                    "issuer" : "Ủy ban nhân dân thành phố",
                    "place" : "Thủ Đức",
                    "issuedOn" : "2026-11-02",
                    "issuedMonth" : "2026-11",
                    "meetingOn" : "2026-10-30",
                    "chair" : "Nguyễn Văn Chủ Tịch",
                    "invitation" : {
                      "number" : "12/GM-UBND",
                      "date" : "2026-10-27"
                    },
                    "signer" : "Chánh Văn phòng",
                    "sourceSha256" : "abababababababababababababababababababababababababababababababab",
                    "items" : 2,
                    "registeredAt" : "2026-11-02T03:30:00Z",
                    "registeredBy" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "numberedLater" : false,
                    "id" : "3f2a9c1e-0000-4000-8000-0000000000aa",
                    "documentType" : "NOTICE"
                  } ],
                  "page" : 0,
                  "size" : 20,
                  "total" : 2
                }, {
                  "number" : "45/TB-UBND",
                  "issuer" : "Ủy ban nhân dân thành phố",
                  "place" : "Thủ Đức",
                  "issuedOn" : "2026-11-02",
                  "issuedMonth" : "2026-11",
                  "meetingOn" : "2026-10-30",
                  "chair" : "Nguyễn Văn Chủ Tịch",
                  "invitation" : {
                    "number" : "12/GM-UBND",
                    "date" : "2026-10-27"
                  },
                  "signer" : "Chánh Văn phòng",
                  "sourceSha256" : "abababababababababababababababababababababababababababababababab",
                  "items" : 2,
                  "registeredAt" : "2026-11-02T03:30:00Z",
                  "registeredBy" : {
                    "id" : "lan",
                    "name" : "Nguyễn Thị Lan",
                    "unit" : null,
                    "role" : "CLERK"
                  },
                  "numberedLater" : false,
                  "id" : "3f2a9c1e-0000-4000-8000-0000000000aa",
                  "documentType" : "NOTICE",
                  "itemsWithProgress" : [ {
                    "assignments" : [ {
                      "id" : "3f2a9c1e-0000-4000-8000-000000000006",
                      "title" : "Nhiệm vụ số 1",
                      "kind" : "REPORT",
                      "status" : "ASSIGNED",
                      "leadUnit" : "Phòng Kinh tế",
                      "coordinatingUnits" : [ ],
                      "deadline" : "2026-12-02",
                      "originalDeadline" : "2026-12-02",
                      "currentVersion" : 0,
                      "approvalRoute" : [ "Phó Chủ tịch UBND" ],
                      "approvedLevels" : [ ],
                      "timeliness" : "ON_TIME",
                      "daysOverdue" : null,
                      "parentId" : null,
                      "source" : {
                        "notice" : "45/TB-UBND",
                        "item" : 1,
                        "noticeId" : "3f2a9c1e-0000-4000-8000-0000000000aa"
                      },
                      "assignedOn" : "2026-11-02",
                      "handedInOn" : null,
                      "approvedOn" : null,
                      "documentNumber" : null,
                      "issuedOn" : null,
                      "reminders" : 0,
                      "lastReminder" : null,
                      "missedDeadline" : null,
                      "pendingExtension" : null,
                      "awaitingLevel" : null
                    }, {
                      "id" : "3f2a9c1e-0000-4000-8000-000000000007",
                      "title" : "Nhiệm vụ số 1 (phần việc)",
                      "kind" : "REPORT",
                      "status" : "ASSIGNED",
                      "leadUnit" : "Phòng Kinh tế",
                      "coordinatingUnits" : [ ],
                      "deadline" : "2026-12-02",
                      "originalDeadline" : "2026-12-02",
                      "currentVersion" : 0,
                      "approvalRoute" : [ "Phó Chủ tịch UBND" ],
                      "approvedLevels" : [ ],
                      "timeliness" : "ON_TIME",
                      "daysOverdue" : null,
                      "parentId" : "3f2a9c1e-0000-4000-8000-000000000006",
                      "source" : {
                        "notice" : "45/TB-UBND",
                        "item" : 1,
                        "noticeId" : "3f2a9c1e-0000-4000-8000-0000000000aa"
                      },
                      "assignedOn" : "2026-11-02",
                      "handedInOn" : null,
                      "approvedOn" : null,
                      "documentNumber" : null,
                      "issuedOn" : null,
                      "reminders" : 0,
                      "lastReminder" : null,
                      "missedDeadline" : null,
                      "pendingExtension" : null,
                      "awaitingLevel" : null
                    } ],
                    "ordinal" : 1
                  }, {
                    "assignments" : [ {
                      "id" : "3f2a9c1e-0000-4000-8000-000000000008",
                      "title" : "Nhiệm vụ số 2",
                      "kind" : "REPORT",
                      "status" : "ASSIGNED",
                      "leadUnit" : "Phòng Kinh tế",
                      "coordinatingUnits" : [ ],
                      "deadline" : "2026-12-02",
                      "originalDeadline" : "2026-12-02",
                      "currentVersion" : 0,
                      "approvalRoute" : [ "Phó Chủ tịch UBND" ],
                      "approvedLevels" : [ ],
                      "timeliness" : "ON_TIME",
                      "daysOverdue" : null,
                      "parentId" : null,
                      "source" : {
                        "notice" : "45/TB-UBND",
                        "item" : 2,
                        "noticeId" : "3f2a9c1e-0000-4000-8000-0000000000aa"
                      },
                      "assignedOn" : "2026-11-02",
                      "handedInOn" : null,
                      "approvedOn" : null,
                      "documentNumber" : null,
                      "issuedOn" : null,
                      "reminders" : 0,
                      "lastReminder" : null,
                      "missedDeadline" : null,
                      "pendingExtension" : null,
                      "awaitingLevel" : null
                    } ],
                    "ordinal" : 2
                  } ]
                } ]
                """);
    }

    private static TaskAssigned task(UUID id, int item, UUID parent) {
        return NewTask.task().id(id).title("Nhiệm vụ số " + item + (parent == null ? "" : " (phần việc)"))
                .kind(DeliverableKind.REPORT).leadUnit("Phòng Kinh tế").deadline(DAY.plusDays(30)).route(List.of("Phó Chủ tịch UBND"))
                .source(new NoticeSource("45/TB-UBND", item, NOTICE)).parentId(parent).effectiveDate(DAY).assigned();
    }

    private void deliver(String type, UUID id, Object event, int hour) throws Exception {
        EventMessage<?> message = new GenericDomainEventMessage<>(type, id.toString(), 0, event,
                MetaData.from(EventMetadata.of(CLERK, "cmd-" + hour)), "event-" + hour, AT.plusSeconds(3600L * hour));
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                handler.handle(message);
            }
        }
    }
}
