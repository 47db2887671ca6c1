package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.docket.platform.eventstore.EmbeddedStore;

class InsertsTest {

    private final EmbeddedStore store = EmbeddedStore.inMemory();
    private final MongoCollection<Document> keys = store.database.getCollection("keys");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void the_first_insert_of_a_key_writes_and_a_second_leaves_the_first_in_place() {
        assertThat(Inserts.ifAbsent(keys, new Document("_id", "k").append("holder", "first"))).isTrue();
        assertThat(Inserts.ifAbsent(keys, new Document("_id", "k").append("holder", "second"))).isFalse();
        assertThat(keys.find().into(new java.util.ArrayList<>())).containsExactly(new Document("_id", "k").append("holder", "first"));
    }

    @Test
    void a_write_refused_for_another_reason_than_the_key_is_thrown() {
        assertThatThrownBy(() -> Inserts.ifAbsent(keys, new Document("_id", List.of(1, 2))))
                .isInstanceOf(MongoWriteException.class);
    }
}
