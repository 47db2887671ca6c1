package vn.docket.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.support.ApiJson;

/** The bell's HTTP body, field for field, for a unit's head who was sent one notification of each kind and read one. */
class NotificationJsonTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000003");
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Actor VICE = new Actor("pct", "Lê Văn Phó", null, Role.VICE_CHAIR);
    static final Actor HEAD = new Actor("thanh", "Phạm Thanh", "Phòng Quản lý đô thị", Role.UNIT_HEAD);

    AnnotationEventHandlerAdapter projection;
    NotificationController controller;
    long seq;

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    @BeforeEach
    void setUp() {
        MongoDatabase database = db.database();
        projection = new AnnotationEventHandlerAdapter(new NotificationProjection(database, new NotificationSettings(null, null),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(),
                new ApprovalLevels(null)));
        controller = new NotificationController(database, new NotificationReads(database), new NotificationFeeds(database));
    }

    @Test
    void the_list_answers_every_field_a_client_reads_in_both_languages() throws Exception {
        handle(CLERK, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số").leadUnit("Phòng Kinh tế").deadline(DAY.plusDays(30))
                .route(List.of("Phó Chủ tịch UBND")).source(null).effectiveDate(DAY).assigned());
        handle(CLERK, new TaskReassigned(ID, "Phòng Kinh tế", "Phòng Quản lý đô thị", "Đúng chức năng", DAY.plusDays(1)));
        handle(CLERK, new ReminderSent(ID, "Phòng Quản lý đô thị", ReminderSent.Kind.BEFORE_DEADLINE, DAY.plusDays(30), 3,
                null, DAY.plusDays(25)));
        handle(VICE, new RevisionRequested(ID, 1, "Phó Chủ tịch UBND", RevisionPoint.numbered(1, List.of("Bổ sung số liệu")),
                List.of("0.1"), null, DAY.plusDays(40), DAY.plusDays(26)));
        handle(HEAD, new ExtensionRequested(ID, DAY.plusDays(40), DAY.plusDays(50), "Chờ số liệu quý", DAY.plusDays(27)));
        handle(VICE, new ExtensionRejected(ID, DAY.plusDays(50), "Không có lý do chính đáng", DAY.plusDays(28)));
        handle(VICE, new DeadlineExtended(ID, DAY.plusDays(40), DAY.plusDays(45), "Đồng ý gia hạn", DAY.plusDays(29)));
        handle(CLERK, new DeadlineMissed(ID, "Phòng Quản lý đô thị", DAY.plusDays(45), DAY.plusDays(46)));
        TestReadSide.signIn(HEAD);
        controller.markRead(controller.mine(0, 20, null).items().get(1).id());

        ApiJson.assertBody(List.of(controller.mine(0, 20, null), controller.mine(0, 20, "en"), controller.unread()), """
                [ {
                  "items" : [ {
                    "id" : "event-7",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "DEADLINE_MISSED",
                    "subject" : "Quá hạn",
                    "text" : "Nhiệm vụ \\"Kế hoạch chuyển đổi số\\" do Phòng Quản lý đô thị chủ trì đã quá hạn ngày 17/12/2026 mà chưa có dự thảo đúng hạn.",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "deadline" : "2026-12-17"
                    },
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T09:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  }, {
                    "id" : "event-6",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "DEADLINE_EXTENDED",
                    "subject" : "Gia hạn nhiệm vụ",
                    "text" : "Nhiệm vụ \\"Kế hoạch chuyển đổi số\\" được gia hạn đến ngày 17/12/2026.\\nLý do: Đồng ý gia hạn\\nNgười quyết định: Lê Văn Phó (Phó Chủ tịch).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "date" : "2026-12-17",
                      "reason" : "Đồng ý gia hạn",
                      "by" : "Lê Văn Phó",
                      "byRole" : "VICE_CHAIR"
                    },
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "recordedAt" : "2026-11-02T08:30:00.000+00:00",
                    "mail" : null,
                    "read" : true
                  }, {
                    "id" : "event-5",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "EXTENSION_REJECTED",
                    "subject" : "Không đồng ý gia hạn",
                    "text" : "Đề nghị gia hạn nhiệm vụ \\"Kế hoạch chuyển đổi số\\" đến ngày 22/12/2026 không được chấp thuận. Lý do: Không có lý do chính đáng\\nNgười quyết định: Lê Văn Phó (Phó Chủ tịch).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "date" : "2026-12-22",
                      "reason" : "Không có lý do chính đáng",
                      "deadline" : null,
                      "by" : "Lê Văn Phó",
                      "byRole" : "VICE_CHAIR"
                    },
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "recordedAt" : "2026-11-02T07:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  }, {
                    "id" : "event-3",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "REVISION_REQUESTED",
                    "subject" : "Yêu cầu chỉnh sửa dự thảo",
                    "text" : "Dự thảo v1 của nhiệm vụ \\"Kế hoạch chuyển đổi số\\" cần chỉnh sửa:\\n- 1.1 Bổ sung số liệu\\n- Mở lại ý kiến 0.1\\nHạn nộp lại: 12/12/2026.\\nNgười quyết định: Lê Văn Phó (Phó Chủ tịch).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "version" : 1,
                      "points" : [ "1.1 Bổ sung số liệu" ],
                      "reopened" : [ "0.1" ],
                      "dueDate" : "2026-12-12",
                      "reopenedTexts" : [ ],
                      "by" : "Lê Văn Phó",
                      "byRole" : "VICE_CHAIR"
                    },
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "recordedAt" : "2026-11-02T05:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  }, {
                    "id" : "event-2",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "REMINDER_SENT",
                    "subject" : "Sắp đến hạn",
                    "text" : "Nhiệm vụ \\"Kế hoạch chuyển đổi số\\" có hạn ngày 2/12/2026 (còn 3 ngày làm việc).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "kind" : "BEFORE_DEADLINE",
                      "deadline" : "2026-12-02",
                      "workingDaysLeft" : 3,
                      "note" : null
                    },
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T04:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  } ],
                  "page" : 0,
                  "size" : 20,
                  "more" : false
                }, {
                  "items" : [ {
                    "id" : "event-7",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "DEADLINE_MISSED",
                    "subject" : "Overdue",
                    "text" : "Assignment \\"Kế hoạch chuyển đổi số\\", led by \\"Phòng Quản lý đô thị\\", passed its deadline of 17/12/2026 without a draft on time.",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "deadline" : "2026-12-17"
                    },
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T09:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  }, {
                    "id" : "event-6",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "DEADLINE_EXTENDED",
                    "subject" : "Deadline extended",
                    "text" : "Assignment \\"Kế hoạch chuyển đổi số\\" is extended to 17/12/2026.\\nReason: Đồng ý gia hạn\\nDecided by Lê Văn Phó (Vice-chair).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "date" : "2026-12-17",
                      "reason" : "Đồng ý gia hạn",
                      "by" : "Lê Văn Phó",
                      "byRole" : "VICE_CHAIR"
                    },
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "recordedAt" : "2026-11-02T08:30:00.000+00:00",
                    "mail" : null,
                    "read" : true
                  }, {
                    "id" : "event-5",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "EXTENSION_REJECTED",
                    "subject" : "Extension refused",
                    "text" : "The request to extend assignment \\"Kế hoạch chuyển đổi số\\" to 22/12/2026 was not granted. Reason: Không có lý do chính đáng\\nDecided by Lê Văn Phó (Vice-chair).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "date" : "2026-12-22",
                      "reason" : "Không có lý do chính đáng",
                      "deadline" : null,
                      "by" : "Lê Văn Phó",
                      "byRole" : "VICE_CHAIR"
                    },
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "recordedAt" : "2026-11-02T07:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  }, {
                    "id" : "event-3",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "REVISION_REQUESTED",
                    "subject" : "Draft revision requested",
                    "text" : "Draft v1 of assignment \\"Kế hoạch chuyển đổi số\\" needs revision:\\n- 1.1 Bổ sung số liệu\\n- Point 0.1 reopened\\nResubmit by 12/12/2026.\\nDecided by Lê Văn Phó (Vice-chair).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "version" : 1,
                      "points" : [ "1.1 Bổ sung số liệu" ],
                      "reopened" : [ "0.1" ],
                      "dueDate" : "2026-12-12",
                      "reopenedTexts" : [ ],
                      "by" : "Lê Văn Phó",
                      "byRole" : "VICE_CHAIR"
                    },
                    "actor" : {
                      "id" : "pct",
                      "name" : "Lê Văn Phó",
                      "unit" : null,
                      "role" : "VICE_CHAIR"
                    },
                    "recordedAt" : "2026-11-02T05:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  }, {
                    "id" : "event-2",
                    "assignmentId" : "3f2a9c1e-0000-4000-8000-000000000003",
                    "type" : "REMINDER_SENT",
                    "subject" : "Deadline approaching",
                    "text" : "Assignment \\"Kế hoạch chuyển đổi số\\" is due on 2/12/2026 (3 working days left).",
                    "values" : {
                      "title" : "Kế hoạch chuyển đổi số",
                      "unit" : "Phòng Quản lý đô thị",
                      "kind" : "BEFORE_DEADLINE",
                      "deadline" : "2026-12-02",
                      "workingDaysLeft" : 3,
                      "note" : null
                    },
                    "actor" : {
                      "id" : "lan",
                      "name" : "Nguyễn Thị Lan",
                      "unit" : null,
                      "role" : "CLERK"
                    },
                    "recordedAt" : "2026-11-02T04:30:00.000+00:00",
                    "mail" : null,
                    "read" : false
                  } ],
                  "page" : 0,
                  "size" : 20,
                  "more" : false
                }, {
                  "unread" : 4
                } ]
                """);
    }

    @Test
    void the_unit_is_told_a_first_deadline_was_set_not_that_one_it_never_had_was_extended() throws Exception {
        handle(CLERK, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số").leadUnit("Phòng Quản lý đô thị").deadline(null)
                .route(List.of("Phó Chủ tịch UBND")).source(null).effectiveDate(DAY).assigned());
        handle(CLERK, new DeadlineExtended(ID, null, DAY.plusDays(45), "Lãnh đạo giao hoàn thành trong quý", DAY.plusDays(1)));
        TestReadSide.signIn(HEAD);

        NotificationController.Notification told = controller.mine(0, 20, null).items().get(0);
        assertThat(told.type()).isEqualTo("DEADLINE_SET");
        assertThat(told.subject()).isEqualTo("Đặt hạn nhiệm vụ");
        assertThat(told.text()).isEqualTo("Nhiệm vụ \"Kế hoạch chuyển đổi số\" có hạn hoàn thành: ngày 17/12/2026.");
    }

    private void handle(Actor actor, Object event) throws Exception {
        long at = seq;
        projection.handle(new GenericDomainEventMessage<>("Assignment", ID.toString(), seq++, event,
                MetaData.from(EventMetadata.of(actor, "cmd-" + at)), "event-" + at, AT.plusSeconds(3600 * at)));
    }
}
