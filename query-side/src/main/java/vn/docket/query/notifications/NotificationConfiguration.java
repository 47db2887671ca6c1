package vn.docket.query.notifications;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.axon.ClusterSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /**
     * The notifications processor starts at the head of the store the first time it runs: switching it on in
     * an office with years of history must not mail everybody about all of it.
     */
    @Bean
    ConfigurerModule notificationsStartAtTheHead(ClusterSettings cluster) {
        // Shared by the nodes as the other projections are (segments and claims in application.yml).
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                NotificationProjection.NAME, c -> c.eventStore(),
                c -> TrackingEventProcessorConfiguration.forParallelProcessing(cluster.segments())
                        .andInitialSegmentsCount(cluster.segments())
                        .andTokenClaimInterval(ClusterSettings.CLAIM_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
