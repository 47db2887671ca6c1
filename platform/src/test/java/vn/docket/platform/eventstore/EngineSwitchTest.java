package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import vn.docket.platform.axon.AxonStorageConfiguration;
import vn.docket.platform.mongo.MongoConfiguration;

/** {@code docket.event-store.engine} picks the engine; Docket's own is the default. */
class EngineSwitchTest {

    /** Deliberately not a @Configuration: the platform's component scan must not pick it up in other tests. */
    @EnableAutoConfiguration
    @Import({MongoConfiguration.class, AxonStorageConfiguration.class})
    static class Wiring {
    }

    private static EventStorageEngine engineWith(String... properties) {
        String[] all = new String[properties.length + 4];
        all[0] = "--docket.mongo.embedded.backend=memory";
        all[1] = "--docket.mongo.embedded.port=0";
        all[2] = "--axon.axonserver.enabled=false";
        all[3] = "--axon.serializer.general=jackson";
        System.arraycopy(properties, 0, all, 4, properties.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Wiring.class)
                .web(WebApplicationType.NONE).run(all)) {
            return context.getBean(EventStorageEngine.class);
        }
    }

    @Test
    void docket_s_engine_is_the_default_and_axon_mongo_can_be_chosen() {
        assertThat(engineWith()).isInstanceOf(DocketEventStorageEngine.class);
        assertThat(engineWith("--docket.event-store.engine=axon-mongo")).isInstanceOf(MongoEventStorageEngine.class);
    }
}
