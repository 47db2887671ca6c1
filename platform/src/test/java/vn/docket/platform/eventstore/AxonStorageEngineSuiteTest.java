package vn.docket.platform.eventstore;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Axon's own contract tests for a batching storage engine, run against Docket's engine on the embedded server:
 * what Axon's processors, repositories and snapshotters rely on. Where Docket deliberately differs, the test is
 * overridden here with the reason.
 */
class AxonStorageEngineSuiteTest extends BatchingEventStorageEngineTest<DocketEventStorageEngine, DocketEventStorageEngine.Builder> {

    private EmbeddedStore store;

    @BeforeEach
    void setUp() {
        store = EmbeddedStore.inMemory();
        setTestSubject(createEngine());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected DocketEventStorageEngine createEngine(UnaryOperator<DocketEventStorageEngine.Builder> customization) {
        return customization.apply(store.builder(Duration.ofSeconds(10), System::nanoTime, NoOpEventUpcaster.INSTANCE))
                .build().ensureIndexes();
    }
}
