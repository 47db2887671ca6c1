package vn.docket.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.query.assignments.TestDatabase;

/**
 * The e-mail is the one thing a notification does outside the database, so a node can die (or its batch fail)
 * between claiming a notification and mailing it; the node that handles the event again must still tell the unit.
 * Found by ThreeNodesTest: a reminder acknowledged just before a node was killed was listed in the app and never
 * mailed.
 */
class NotificationMailTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000011");
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final String UNIT = "Phòng Kinh tế";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    /** What the node's mail sender does next: send, die before sending, or die once the server took the e-mail. */
    enum Node { WORKS, DIES_BEFORE_SENDING, DIES_AFTER_SENDING }

    Node node = Node.WORKS;
    EmbeddedEventStore store;
    AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void setUp() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                if (node == Node.DIES_BEFORE_SENDING) {
                    throw new IllegalStateException("the node stopped");
                }
                super.doSend(messages, originals);
                if (node == Node.DIES_AFTER_SENDING) {
                    throw new IllegalStateException("the node stopped");
                }
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        projection = new AnnotationEventHandlerAdapter(new NotificationProjection(db.database(),
                new NotificationSettings("vanphong@ubnd.example.vn",
                        List.of(new NotificationSettings.Recipient(UNIT, null, "pkt@ubnd.example.vn"))),
                new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class), store,
                new ApprovalLevels(null)));
        projection.handle(message(0, NewTask.task().id(ID).title("Báo cáo tình hình giải ngân vốn đầu tư công")
                .leadUnit(UNIT).deadline(DAY.plusDays(30)).route(List.of("Phó Chủ tịch UBND")).source(null)
                .effectiveDate(DAY).assigned()));
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void a_reminder_whose_node_died_between_the_claim_and_the_e_mail_is_mailed_when_the_event_is_handled_again()
            throws Exception {
        DomainEventMessage<?> reminder = message(1, reminder());
        node = Node.DIES_BEFORE_SENDING;
        assertThatThrownBy(() -> projection.handle(reminder)).hasMessage("the node stopped");
        assertThat(notified().get(Notified.MAIL)).as("claimed, not mailed").isNull();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        node = Node.WORKS;
        projection.handle(reminder);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("pkt@ubnd.example.vn");
        assertThat(mails[0].getContent().toString()).contains("Báo cáo tình hình giải ngân vốn đầu tư công");
        assertThat(notified().get(Notified.MAIL, Document.class).getString("state")).isEqualTo("SENT");
        assertThat(db.database().getCollection(NotificationProjection.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void a_reminder_handled_again_after_its_e_mail_went_out_is_not_mailed_again() throws Exception {
        DomainEventMessage<?> reminder = message(1, reminder());
        projection.handle(reminder);
        projection.handle(reminder);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_copy_mailed_again_because_the_node_died_before_recording_the_first_is_the_same_message_to_the_reader()
            throws Exception {
        DomainEventMessage<?> reminder = message(1, reminder());
        node = Node.DIES_AFTER_SENDING;
        assertThatThrownBy(() -> projection.handle(reminder)).hasMessage("the node stopped");
        node = Node.WORKS;
        projection.handle(reminder);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        String id = "<" + reminder.getIdentifier() + "@ubnd.example.vn>";
        assertThat(mails).extracting(MimeMessage::getMessageID).containsExactly(id, id);
    }

    private static ReminderSent reminder() {
        return new ReminderSent(ID, UNIT, ReminderSent.Kind.MANUAL, DAY.plusDays(30), 20, "Đề nghị nộp đúng hạn", DAY);
    }

    private Document notified() {
        return db.database().getCollection(NotificationProjection.COLLECTION).find().first();
    }

    private static DomainEventMessage<?> message(long seq, Object event) {
        return new GenericDomainEventMessage<>("Assignment", ID.toString(), seq, event,
                MetaData.from(EventMetadata.of(CLERK, "cmd-" + seq)), "event-" + seq, AT.plusSeconds(3600 * seq));
    }
}
