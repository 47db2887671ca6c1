package vn.docket.command.deadlines;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.calendar.WorkingDayCalendar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineSettings.class)
class DeadlineConfiguration {

    @Bean
    DeadlineChaser deadlineChaser(WorkingDayCalendar calendar, DeadlineSettings settings, Clock clock) {
        return new DeadlineChaser(calendar, settings.remindWorkingDaysBefore(), settings.sendAt(), clock);
    }

    /** Axon's configuration picks this bean up as its deadline manager; aggregates get it as a handler parameter. */
    @Bean
    MongoDeadlineManager deadlineManager(MongoDatabase database, Serializer serializer,
                                         ObjectProvider<org.axonframework.config.Configuration> axon,
                                         List<CorrelationDataProvider> correlation, Clock clock,
                                         DeadlineSettings settings) {
        MongoDeadlineManager manager = new MongoDeadlineManager(MongoDeadlineManager.collection(database), serializer,
                new LazyScopes(axon), clock, settings);
        // Events applied by a deadline handler carry the deadline message's metadata: the actor Docket (SYSTEM).
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
        return manager;
    }

    /** Axon's Spring configuration registers it on the command bus (see {@link MongoDeadlineManager#beforeTheEvents}). */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> deadlinesBeforeTheEvents(MongoDeadlineManager manager) {
        return manager.beforeTheEvents();
    }

    /** Polls only while Axon runs: started after it, stopped before it. */
    @Bean
    SmartLifecycle deadlinePoller(MongoDeadlineManager manager) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                manager.start();
                running = true;
            }

            @Override
            public void stop() {
                manager.shutdown();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return SpringAxonConfiguration.LIFECYCLE_PHASE + 100;
            }
        };
    }

    /**
     * The aggregate repositories come from Axon's configuration, which itself wants the deadline manager:
     * look them up on first delivery, not when the beans are built.
     */
    private static final class LazyScopes implements ScopeAwareProvider {
        private final ObjectProvider<org.axonframework.config.Configuration> axon;
        private volatile ScopeAwareProvider delegate;

        LazyScopes(ObjectProvider<org.axonframework.config.Configuration> axon) {
            this.axon = axon;
        }

        @Override
        public Stream<ScopeAware> provideScopeAwareStream(ScopeDescriptor scope) {
            if (delegate == null) {
                delegate = new ConfigurationScopeAwareProvider(axon.getObject());
            }
            return delegate.provideScopeAwareStream(scope);
        }
    }
}
