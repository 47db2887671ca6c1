package vn.docket.query.notifications;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /**
     * The notifications processor starts at the head of the store the first time it runs: switching it on in
     * an office with years of history must not mail everybody about all of it.
     */
    @Bean
    ConfigurerModule notificationsStartAtTheHead() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                NotificationProjection.NAME, c -> c.eventStore(),
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
