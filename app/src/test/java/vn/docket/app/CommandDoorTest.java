package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.queryhandling.QueryMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The door for integrations: a command over HTTP with a personal access token. What the request itself asks of
 * the database must not grow with what is stored: the embedded server finds a document without reading the whole
 * collection only when a filter names exactly the keys of a unique index, by equality or {@code $in}.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, CommandDoorTest.Recorder.class})
class CommandDoorTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final String BODY = "{\"title\":\"Báo cáo tiến độ chỉnh trang đô thị\",\"kind\":\"REPORT\","
            + "\"leadUnit\":\"Phòng Quản lý đô thị\",\"deadline\":\"2021-06-30\",\"approvalRoute\":[\"Lãnh đạo UBND thành phố\"]}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoDatabase database;
    @Autowired
    Sent sent;
    @Autowired
    MeterRegistry meters;

    /** A filter a request thread sent: the command, its collection and the filter. */
    record Filter(String command, String collection, BsonDocument filter) {
    }

    /** Records the filters of the commands sent from Tomcat's request threads, while {@link #recording}. */
    static final class Sent implements CommandListener {
        final List<Filter> filters = new CopyOnWriteArrayList<>();
        volatile boolean recording;

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (!recording || !Thread.currentThread().getName().startsWith("http-nio")) {
                return;
            }
            // The driver reuses the command's buffer once sent: keep a copy.
            BsonDocument cmd = BsonDocument.parse(event.getCommand().toJson());
            String name = event.getCommandName();
            switch (name) {
                case "find" -> filters.add(new Filter(name, cmd.getString("find").getValue(), cmd.getDocument("filter", new BsonDocument())));
                case "findAndModify" -> filters.add(new Filter(name, cmd.getString("findAndModify").getValue(), cmd.getDocument("query")));
                case "update" -> cmd.getArray("updates").forEach(u -> filters.add(new Filter(name,
                        cmd.getString("update").getValue(), u.asDocument().getDocument("q"))));
                case "delete" -> cmd.getArray("deletes").forEach(d -> filters.add(new Filter(name,
                        cmd.getString("delete").getValue(), d.asDocument().getDocument("q"))));
                case "insert" -> filters.add(new Filter(name, cmd.getString("insert").getValue(), null));
                case "count", "aggregate", "distinct" -> filters.add(new Filter(name, cmd.getFirstKey(), new BsonDocument("scan", cmd)));
                default -> {
                }
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        @Bean
        Sent sent() {
            return new Sent();
        }
    }

    @Test
    void a_create_with_a_token_reads_and_writes_by_exact_key_only_so_its_cost_does_not_grow_with_the_store() {
        assertThat(create(token("clerk"), null).getStatusCode().value()).isEqualTo(201); // the first request's one-off work
        String token = token("clerk"); // new, so that its first sign-in reads the token and the row

        sent.filters.clear();
        sent.recording = true;
        try {
            assertThat(create(token, null).getStatusCode().value()).isEqualTo(201);
            assertThat(create(token, "door-" + System.nanoTime()).getStatusCode().value()).isEqualTo(201);
        } finally {
            sent.recording = false;
        }

        assertThat(sent.filters).extracting(Filter::collection).contains("access_tokens", "users");
        for (Filter f : sent.filters) {
            if (f.filter() == null) {
                continue; // an insert
            }
            assertThat(uniqueKeys(f.collection())).as("%s on %s with %s: a unique index with exactly these keys",
                    f.command(), f.collection(), f.filter()).contains(f.filter().keySet());
            f.filter().values().stream().filter(v -> v.isDocument()).forEach(v -> assertThat(v.asDocument().keySet())
                    .as("%s on %s with %s: equality or $in", f.command(), f.collection(), f.filter()).isEqualTo(Set.of("$in")));
        }
    }

    /** Nothing exposes metrics; timing each request, security filter and database command for them cost CPU. */
    /**
     * Axon times each handler call on its own by default, walking the calling thread's stack and scheduling a task
     * each time: for a create, its command handler and every projection's handler of its events. Only the units of
     * work they run in are timed (application.yml); the handlers come back from Axon's wrapping as they went in.
     */
    @Test
    void no_command_event_or_deadline_handler_is_timed_call_by_call(@Autowired HandlerTimeoutHandlerEnhancerDefinition timeouts) {
        for (Class<?> type : List.of(CommandMessage.class, EventMessage.class, DeadlineMessage.class, QueryMessage.class)) {
            @SuppressWarnings("unchecked")
            MessageHandlingMember<Object> handler = mock(MessageHandlingMember.class);
            when(handler.canHandleMessageType(any())).thenAnswer(asked -> type.equals(asked.getArgument(0)));
            when(handler.attribute(anyString())).thenReturn(Optional.empty());
            assertThat(timeouts.wrapHandler(handler)).as(type.getSimpleName()).isSameAs(handler);
        }
    }

    @Test
    void a_request_is_timed_for_no_metrics_since_nothing_exposes_them() {
        assertThat(create(token("clerk"), null).getStatusCode().value()).isEqualTo(201);
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("http.server.requests") || name.startsWith("spring.security")
                        || name.startsWith("mongodb.driver"));
    }

    /**
     * Each write to the events or the deadlines is answered only once the embedded database has committed it to
     * its file, and a commit holds every other write back: a create waits for two, its event's and its deadlines'.
     */
    @Test
    void a_create_with_a_deadline_waits_for_the_data_file_twice() {
        assertThat(oneCreate()).filteredOn(f -> !f.command().equals("find"))
                .extracting(f -> f.command() + " " + f.collection())
                .containsExactlyInAnyOrder("insert docket_events", "insert deadlines");
    }

    /**
     * A token that signed in before is not read again, nor its owner's row: only whether its owner has an event since,
     * which is enough to refuse a revoked token at once (every revocation is one).
     */
    @Test
    void a_personal_access_token_used_again_reads_only_whether_its_owner_has_a_new_event() {
        List<Filter> sent = oneCreate();
        assertThat(sent).filteredOn(f -> f.collection().equals("access_tokens")).isEmpty();
        assertThat(sent).filteredOn(f -> f.collection().equals("docket_events") && f.filter() != null
                && f.filter().toJson().contains("user:clerk#")).hasSize(1);
    }

    /** What the request thread sent for one create with a token, after a first one. */
    private List<Filter> oneCreate() {
        String token = token("clerk");
        assertThat(create(token, null).getStatusCode().value()).isEqualTo(201);
        sent.filters.clear();
        sent.recording = true;
        try {
            assertThat(create(token, null).getStatusCode().value()).isEqualTo(201);
        } finally {
            sent.recording = false;
        }
        return List.copyOf(sent.filters);
    }

    private List<Set<String>> uniqueKeys(String collection) {
        List<Set<String>> keys = new ArrayList<>();
        keys.add(Set.of("_id"));
        for (Document index : database.getCollection(collection).listIndexes()) {
            if (index.getBoolean("unique", false)) {
                keys.add(new HashSet<>(index.get("key", Document.class).keySet()));
            }
        }
        return keys;
    }

    private String token(String user) {
        return (String) http.withBasicAuth(user, "demo").exchange("/api/me/tokens", HttpMethod.POST,
                new HttpEntity<>(Map.of("label", "tích hợp"), null), MAP).getBody().get("token");
    }

    private ResponseEntity<Map<String, Object>> create(String token, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/assignments", HttpMethod.POST, new HttpEntity<>(BODY, headers), MAP);
    }
}
