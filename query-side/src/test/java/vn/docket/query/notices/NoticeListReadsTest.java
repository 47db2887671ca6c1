package vn.docket.query.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.Role;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.support.Page;
import vn.docket.query.support.ReadModels;

/**
 * The notices list pages through an index in memory, newest first, and reads only its page's notices by id: the
 * embedded database answered the list's sort and count by reading every notice.
 */
class NoticeListReadsTest {

    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Instant START = Instant.parse("2025-01-06T02:00:00Z");

    record Registered(String id, Instant at) {
    }

    final List<BsonDocument> reads = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestDatabase db = TestDatabase.recording(NoticeProjection.COLLECTION, reads);
    final List<Registered> registered = new ArrayList<>();
    List<AnnotationEventHandlerAdapter> handlers;
    NoticeQueryController controller;

    @BeforeEach
    void setUp() {
        MongoDatabase database = db.database();
        NoticeIndex index = new NoticeIndex();
        handlers = List.of(new AnnotationEventHandlerAdapter(new NoticeProjection(database)),
                new AnnotationEventHandlerAdapter(index));
        controller = new NoticeQueryController(database,
                TestReadSide.lookup(database, TestReadSide.index(), Clock.systemUTC()), TestReadSide.index(), index,
                TestReadSide.overAnEmptyIndex());
    }

    @Test
    void every_page_of_the_list_is_newest_first_over_every_notice_read_by_id_alone() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 130; i++) {
            // A notice now and then registered on a node whose clock is an hour and a half behind: it sorts before the one before it.
            Instant at = START.plusSeconds(3600L * i - (random.nextInt(6) == 0 ? 5400 : 0));
            UUID id = UUID.randomUUID();
            registered.add(new Registered(id.toString(), at));
            deliver(id, at, i);
            if (random.nextInt(5) == 0) {
                deliver(id, at, i); // delivered again after a crash
            }
        }
        List<String> newestFirst = registered.stream().sorted(Comparator.comparing(Registered::at).reversed())
                .map(Registered::id).toList();
        reads.clear();

        for (int page = 0; page < 4; page++) {
            Page<Notice> found = controller.list(page, 50);

            assertThat(found.total()).isEqualTo(130);
            assertThat(found.items()).extracting(Notice::id)
                    .containsExactlyElementsOf(newestFirst.subList(Math.min(130, page * 50), Math.min(130, page * 50 + 50)));
        }
        assertThat(reads).isNotEmpty().allSatisfy(filter -> {
            assertThat(filter.keySet()).containsExactly("_id");
            assertThat(filter.getDocument("_id").getArray("$in")).hasSizeLessThanOrEqualTo(ReadModels.KEYS_PER_READ);
        });
    }

    private void deliver(UUID id, Instant at, int n) throws Exception {
        EventMessage<?> message = new GenericDomainEventMessage<>("Notice", id.toString(), 0,
                new NoticeRegistered(id, new NoticeParticulars(n + "/TB-UBND", "Ủy ban nhân dân thành phố", "Hà Tĩnh", LocalDate.of(2025, 1, 6),
                        null, null, null, null, null), "ab".repeat(32), 1, LocalDate.of(2025, 1, 6)),
                MetaData.from(EventMetadata.of(CLERK, "cmd-" + n)), "event-" + n, at);
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                handler.handle(message);
            }
        }
    }
}
