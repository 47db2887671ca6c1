package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** E-mail through an SMTP server started in this test, the in-app list per user, and nothing sent twice. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "docket.notifications.from=vanphong@ubnd.example.vn",
                "docket.notifications.recipients[0].unit=Phòng Tài chính - Kế hoạch",
                "docket.notifications.recipients[0].email=tckh@ubnd.example.vn",
                "docket.notifications.recipients[1].role=CHAIR",
                "docket.notifications.recipients[1].email=chutich@ubnd.example.vn",
                "docket.notifications.recipients[2].role=VICE_CHAIR",
                "docket.notifications.recipients[2].email=phochutich@ubnd.example.vn"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class NotificationsTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void the_unit_and_the_leaders_are_told_by_mail_and_in_the_app_and_a_replay_sends_nothing_again() throws Exception {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Báo cáo quyết toán ngân sách năm 2020");
        body.put("kind", "REPORT");
        body.put("leadUnit", "Phòng Tài chính - Kế hoạch");
        body.put("deadline", "2021-05-20");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        String at = "/api/assignments/" + docket.ok("clerk", "/api/assignments", body).get("id");

        docket.ok("clerk", at + "/reminders", Map.of("note", "Đề nghị nộp dự thảo đúng hạn"));
        MimeMessage reminder = awaitMails(1)[0];
        assertThat(reminder.getSubject()).isEqualTo("[Docket] Đôn đốc thực hiện nhiệm vụ");
        assertThat(reminder.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("tckh@ubnd.example.vn");
        assertThat(reminder.getFrom()[0].toString()).isEqualTo("vanphong@ubnd.example.vn");
        assertThat(reminder.getContent().toString())
                .contains("Báo cáo quyết toán ngân sách năm 2020", "20/5/2021", "Đề nghị nộp dự thảo đúng hạn");

        docket.ok("tckh", at + "/extension-requests", Map.of("newDeadline", "2021-06-04", "reason", "Chờ số liệu"));
        MimeMessage[] mails = awaitMails(3); // one message, two leaders
        assertThat(subjects(mails)).containsExactlyInAnyOrder("[Docket] Đôn đốc thực hiện nhiệm vụ",
                "[Docket] Đề nghị gia hạn", "[Docket] Đề nghị gia hạn");

        assertThat(inbox(docket, "tckh")).extracting(n -> n.get("type")).containsExactly("REMINDER_SENT");
        assertThat(inbox(docket, "chair")).extracting(n -> n.get("type")).containsExactly("EXTENSION_REQUESTED");
        assertThat(inbox(docket, "pct")).hasSize(1);
        assertThat(inbox(docket, "qldt")).isEmpty();

        // Replay the whole store through the notifications processor: nothing is sent or listed again.
        TrackingEventProcessor processor = processing.eventProcessor("notifications", TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens(StreamableMessageSource::createTailToken);
        processor.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !processor.isReplaying());
        docket.ok("chair", at + "/extension-requests/decision", Map.of("approve", false, "reason", "Không đủ căn cứ"));
        MimeMessage[] after = awaitMails(4);
        assertThat(subjects(after)).containsExactlyInAnyOrder("[Docket] Đôn đốc thực hiện nhiệm vụ",
                "[Docket] Đề nghị gia hạn", "[Docket] Đề nghị gia hạn", "[Docket] Không đồng ý gia hạn");
        // Nothing more may arrive: still four a while later.
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> smtp.getReceivedMessages().length == 4);
        assertThat(inbox(docket, "tckh")).extracting(n -> n.get("type")).containsExactly("EXTENSION_REJECTED", "REMINDER_SENT");
        assertThat(inbox(docket, "chair")).hasSize(1);
    }

    static MimeMessage[] awaitMails(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= count);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as(Arrays.toString(received)).hasSize(count);
        return received;
    }

    static List<String> subjects(MimeMessage[] mails) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage m : mails) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> inbox(DocketClient docket, String user) {
        return (List<Map<String, Object>>) docket.getOk(user, "/api/notifications").get("items");
    }
}
