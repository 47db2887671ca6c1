package vn.docket.query.planpath;

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
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DecisionRef;
import vn.docket.events.DocumentFile;
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
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.UserRegistered;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.revisioncycles.RevisionCycleProjection;
import vn.docket.query.support.ApiJson;

/** The plan path's HTTP body, field for field, for a plan that went through most kinds of step. */
class PlanPathJsonTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Actor STAFF = new Actor("hung", "Trần Văn Hùng", "Phòng Kinh tế", Role.UNIT_STAFF);
    static final Actor VICE = new Actor("pct", "Lê Văn Phó", null, Role.VICE_CHAIR);

    MongoDatabase database;
    AnnotationEventHandlerAdapter projection;
    long seq;

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    @BeforeEach
    void setUp() {
        database = db.database();
        projection = new AnnotationEventHandlerAdapter(new PlanPathProjection(database));
        TestReadSide.signIn(CLERK);
    }

    @Test
    void the_path_of_a_plan_revised_approved_and_issued_answers_every_field_a_client_reads() throws Exception {
        projection.handle(new GenericDomainEventMessage<>("User", "pct", 0, new UserRegistered("pct", "Lê Văn Phó", null,
                Role.VICE_CHAIR, "admin"), MetaData.from(EventMetadata.of(CLERK, "c-user")), UUID.randomUUID().toString(), AT));
        step(CLERK, 0, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số năm 2027").leadUnit("Phòng Kinh tế")
                .coordinatingUnits(List.of("Phòng Tài chính - Kế hoạch")).deadline(DAY.plusDays(60))
                .route(List.of("Phó Chủ tịch UBND")).source(new NoticeSource("45/TB-VP", 2)).effectiveDate(DAY).assigned());
        step(STAFF, 3, new DraftSubmitted(ID, 1, "KH v1.docx", "cd".repeat(32), null, "Bản dự thảo", DAY.plusDays(3),
                new DocumentFile("application/pdf", 20_001, 3, 900, true)));
        step(VICE, 5, new RevisionRequested(ID, 1, "Phó Chủ tịch UBND",
                RevisionPoint.numbered(1, List.of("Bổ sung số liệu giải ngân", "Rà soát lộ trình")), List.of(),
                new DecisionRef("77/VP-UBND", DAY.plusDays(5)), DAY.plusDays(20), DAY.plusDays(5)));
        step(STAFF, 6, new ExtensionRequested(ID, DAY.plusDays(20), DAY.plusDays(40), "Chờ số liệu quý", DAY.plusDays(6)));
        step(CLERK, 7, new ReminderSent(ID, "Phòng Kinh tế", ReminderSent.Kind.MANUAL, DAY.plusDays(20), null,
                "Đề nghị khẩn trương", DAY.plusDays(7)));
        step(STAFF, 9, new DraftSubmitted(ID, 2, "KH v2.docx", null, "https://vanban.example.vn/kh/2", null, DAY.plusDays(9), null));
        step(STAFF, 9, new RevisionPointsAnswered(ID, 2, List.of(new RevisionPointsAnswered.PointAnswer("1.1",
                RevisionPointsAnswered.Answer.TAKEN_IN, "Đã bổ sung")), DAY.plusDays(9)));
        step(CLERK, 12, new MeetingConcluded(ID, 2, MeetingVerdict.APPROVED_IN_PRINCIPLE, List.of(), "Hoàng Văn Nam",
                new DecisionRef("120/TB-UBND", DAY.plusDays(12)), DAY.plusDays(12)));
        step(STAFF, 14, new DraftSubmitted(ID, 3, "KH v3.docx", null, "https://vanban.example.vn/kh/3", null, DAY.plusDays(14), null));
        step(VICE, 16, new DraftApproved(ID, 3, "Phó Chủ tịch UBND", true, "Đồng ý",
                new DecisionRef("95/QĐ-UBND", DAY.plusDays(16)), DAY.plusDays(16)));
        step(CLERK, 18, new DocumentIssued(ID, "91/KH-UBND", DAY.plusDays(18), "KH ban hanh.pdf", "ef".repeat(32),
                new DocumentFile("application/pdf", 80_000, 4, 1_200, true)));
        database.getCollection(RevisionCycleProjection.COLLECTION).insertOne(new Document("_id", ID.toString())
                .append("points", List.of(new Document("id", "1.1").append("number", 1).append("text", "Bổ sung số liệu giải ngân")
                        .append("status", "CLOSED"))));
        PlanPathController controller = new PlanPathController(database,
                Clock.fixed(DAY.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC), TestReadSide.overAnEmptyIndex());

        ApiJson.assertBody(controller.path(ID), """
                {
                  "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000001",
                  "steps" : [ {
                    "type" : "ASSIGNED",
                    "version" : null,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "effectiveDate" : "2026-11-02",
                    "recordedAt" : "2026-11-02T02:30:00Z",
                    "details" : {
                      "leadUnit" : "Phòng Kinh tế",
                      "deadline" : "2027-01-01",
                      "approvalRoute" : [ "Phó Chủ tịch UBND" ]
                    },
                    "round" : null
                  }, {
                    "type" : "DRAFT_SUBMITTED",
                    "version" : 1,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "effectiveDate" : "2026-11-05",
                    "recordedAt" : "2026-11-05T02:30:00Z",
                    "details" : {
                      "documentName" : "KH v1.docx",
                      "documentSha256" : "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
                      "note" : "Bản dự thảo",
                      "file" : {
                        "mediaType" : "application/pdf",
                        "size" : 20001,
                        "pageCount" : 3,
                        "wordCount" : 900,
                        "textLayer" : true
                      }
                    },
                    "round" : null
                  }, {
                    "type" : "REVISION_REQUESTED",
                    "version" : 1,
                    "level" : "Phó Chủ tịch UBND",
                    "reasons" : [ "Bổ sung số liệu giải ngân", "Rà soát lộ trình" ],
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "effectiveDate" : "2026-11-07",
                    "recordedAt" : "2026-11-07T02:30:00Z",
                    "details" : {
                      "dueDate" : "2026-11-22",
                      "points" : [ {
                        "id" : "1.1",
                        "number" : 1,
                        "text" : "Bổ sung số liệu giải ngân"
                      }, {
                        "id" : "1.2",
                        "number" : 2,
                        "text" : "Rà soát lộ trình"
                      } ],
                      "reopenedPoints" : [ ],
                      "decision" : {
                        "number" : "77/VP-UBND",
                        "date" : "2026-11-07"
                      },
                      "roleSince" : "2026-11-02",
                      "roleGrantedBy" : "Nguyễn Thị Lan"
                    },
                    "round" : 1
                  }, {
                    "type" : "EXTENSION_REQUESTED",
                    "version" : null,
                    "level" : null,
                    "reasons" : [ "Chờ số liệu quý" ],
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "effectiveDate" : "2026-11-08",
                    "recordedAt" : "2026-11-08T02:30:00Z",
                    "details" : {
                      "previousDeadline" : "2026-11-22",
                      "requestedDeadline" : "2026-12-12"
                    },
                    "round" : null
                  }, {
                    "type" : "REMINDER_SENT",
                    "version" : null,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "effectiveDate" : "2026-11-09",
                    "recordedAt" : "2026-11-09T02:30:00Z",
                    "details" : {
                      "kind" : "MANUAL",
                      "chasedUnit" : "Phòng Kinh tế",
                      "deadline" : "2026-11-22",
                      "note" : "Đề nghị khẩn trương"
                    },
                    "round" : null
                  }, {
                    "type" : "DRAFT_SUBMITTED",
                    "version" : 2,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "effectiveDate" : "2026-11-11",
                    "recordedAt" : "2026-11-11T02:30:00Z",
                    "details" : {
                      "documentName" : "KH v2.docx",
                      "documentUrl" : "https://vanban.example.vn/kh/2"
                    },
                    "round" : null
                  }, {
                    "type" : "POINTS_ANSWERED",
                    "version" : 2,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "effectiveDate" : "2026-11-11",
                    "recordedAt" : "2026-11-11T02:30:00Z",
                    "details" : {
                      "answers" : [ {
                        "point" : "1.1",
                        "answer" : "TAKEN_IN",
                        "note" : "Đã bổ sung"
                      } ]
                    },
                    "round" : null
                  }, {
                    "type" : "APPROVED_IN_PRINCIPLE",
                    "version" : 2,
                    "level" : "Cuộc họp UBND",
                    "reasons" : [ ],
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "effectiveDate" : "2026-11-14",
                    "recordedAt" : "2026-11-14T02:30:00Z",
                    "details" : {
                      "chair" : "Hoàng Văn Nam",
                      "decision" : {
                        "number" : "120/TB-UBND",
                        "date" : "2026-11-14"
                      }
                    },
                    "round" : null
                  }, {
                    "type" : "DRAFT_SUBMITTED",
                    "version" : 3,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "hung",
                      "name" : "Trần Văn Hùng",
                      "unit" : "Phòng Kinh tế",
                      "role" : "UNIT_STAFF"
                    },
                    "effectiveDate" : "2026-11-16",
                    "recordedAt" : "2026-11-16T02:30:00Z",
                    "details" : {
                      "documentName" : "KH v3.docx",
                      "documentUrl" : "https://vanban.example.vn/kh/3"
                    },
                    "round" : null
                  }, {
                    "type" : "APPROVED",
                    "version" : 3,
                    "level" : "Phó Chủ tịch UBND",
                    "reasons" : null,
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "effectiveDate" : "2026-11-18",
                    "recordedAt" : "2026-11-18T02:30:00Z",
                    "details" : {
                      "finalApproval" : true,
                      "note" : "Đồng ý",
                      "decision" : {
                        "number" : "95/QĐ-UBND",
                        "date" : "2026-11-18"
                      },
                      "roleSince" : "2026-11-02",
                      "roleGrantedBy" : "Nguyễn Thị Lan"
                    },
                    "round" : null
                  }, {
                    "type" : "ISSUED",
                    "version" : null,
                    "level" : null,
                    "reasons" : null,
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "effectiveDate" : "2026-11-20",
                    "recordedAt" : "2026-11-20T02:30:00Z",
                    "details" : {
                      "documentNumber" : "91/KH-UBND",
                      "documentName" : "KH ban hanh.pdf",
                      "documentSha256" : "efefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefef",
                      "file" : {
                        "mediaType" : "application/pdf",
                        "size" : 80000,
                        "pageCount" : 4,
                        "wordCount" : 1200,
                        "textLayer" : true
                      }
                    },
                    "round" : null
                  } ],
                  "revisionRounds" : 1,
                  "daysWithUnit" : 9,
                  "daysAwaitingReview" : 7,
                  "periods" : [ {
                    "holder" : "UNIT",
                    "from" : "2026-11-02",
                    "to" : "2026-11-05",
                    "open" : false,
                    "days" : 3
                  }, {
                    "holder" : "REVIEWERS",
                    "from" : "2026-11-05",
                    "to" : "2026-11-07",
                    "open" : false,
                    "days" : 2
                  }, {
                    "holder" : "UNIT",
                    "from" : "2026-11-07",
                    "to" : "2026-11-11",
                    "open" : false,
                    "days" : 4
                  }, {
                    "holder" : "REVIEWERS",
                    "from" : "2026-11-11",
                    "to" : "2026-11-14",
                    "open" : false,
                    "days" : 3
                  }, {
                    "holder" : "UNIT",
                    "from" : "2026-11-14",
                    "to" : "2026-11-16",
                    "open" : false,
                    "days" : 2
                  }, {
                    "holder" : "REVIEWERS",
                    "from" : "2026-11-16",
                    "to" : "2026-11-18",
                    "open" : false,
                    "days" : 2
                  } ],
                  "points" : [ {
                    "id" : "1.1",
                    "number" : 1,
                    "text" : "Bổ sung số liệu giải ngân",
                    "status" : "CLOSED"
                  } ]
                }
                """);
    }

    private void step(Actor actor, int day, Object event) throws Exception {
        projection.handle(new GenericDomainEventMessage<>("Assignment", ID.toString(), seq++, event,
                MetaData.from(EventMetadata.of(actor, "c-" + seq)), UUID.randomUUID().toString(), AT.plus(java.time.Duration.ofDays(day))));
    }
}
