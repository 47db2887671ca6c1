package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/**
 * An event field rewritten with a database tool as another kind of value (a number where Docket writes text): what
 * reads the store must say so in a sentence, not stop with a ClassCastException, and vouch for nothing past it.
 */
class MisshapenFieldTest {

    @TempDir
    Path temp;

    private EmbeddedStore store;
    private MongoCollection<Document> events;

    @BeforeEach
    void editPositionTen() {
        store = EmbeddedStore.inMemory();
        ConsistentRewrite.fill(store.engine()); // 16 events
        events = store.database.getCollection(EventDocuments.EVENTS);
        events.updateOne(Filters.eq("_id", 10L), Updates.set(EventDocuments.HASH, 42));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void the_checkpointer_seals_nothing_from_an_edited_field_on_and_verify_reports_the_edit() {
        Checkpointer checkpointer = new Checkpointer(store.database, ConsistentRewrite.EVERY, Duration.ofSeconds(10));

        assertThat(checkpointer.catchUp()).as("checkpoints at 4 and 8 only").isEqualTo(2);
        assertThat(checkpointer.hashAt(12)).isNull();
        VerifyReport report = new StoreVerifier(store.database, checkpointer, Duration.ZERO).verify();
        assertThat(report.problems()).extracting(VerifyReport.Problem::position, VerifyReport.Problem::problem)
                .contains(tuple(10L, StoreVerifier.EDITED));
    }

    @Test
    void a_backup_of_a_store_with_an_edited_field_is_refused_in_one_sentence_and_leaves_nothing() throws Exception {
        Path dir = temp.resolve("backup");

        assertThatThrownBy(() -> Backup.backup(store.database, dir, Duration.ofMillis(1)))
                .isInstanceOf(Backup.Refused.class)
                .hasMessageContaining("position 10")
                .hasMessageContaining("field 'hash' holds a Integer (42)")
                .hasMessageContaining("docket.jar verify");
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing half-written").isEmpty();
        }
    }
}
