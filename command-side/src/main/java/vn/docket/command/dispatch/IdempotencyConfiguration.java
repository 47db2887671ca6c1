package vn.docket.command.dispatch;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    IdempotencyKeys idempotencyKeys(MongoDatabase database, Clock clock, IdempotencySettings settings) {
        return new IdempotencyKeys(database, clock, settings).ensureIndexes();
    }

    /** The header in the API documentation, on exactly the requests where {@link IdempotencyFilter} honours it. */
    @Bean
    OpenApiCustomizer idempotencyKeyInApiDocs() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/assignments") && item.getPost() != null) {
                item.getPost().addParametersItem(new HeaderParameter().name(IdempotencyKeys.HEADER).required(false)
                        .description("Makes the command safe to retry: the same key with the same request answers "
                                + "as the first time; with another request it is 422 idempotency-key-reused.")
                        .schema(new StringSchema().maxLength(IdempotencyKeys.MAX_KEY_LENGTH)));
            }
        });
    }

    /** Renews the leases of running requests every third of the lease, and sweeps expired keys every minute. */
    @Bean
    SmartLifecycle idempotencyTimers(IdempotencyKeys keys) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public synchronized void start() {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "docket-idempotency");
                    t.setDaemon(true);
                    return t;
                });
                long renewEvery = keys.lease().toMillis() / 3;
                timer.scheduleWithFixedDelay(() -> safely(keys::renewLeases, "renew the leases of running requests"),
                        renewEvery, renewEvery, TimeUnit.MILLISECONDS);
                timer.scheduleWithFixedDelay(() -> safely(keys::sweep, "delete expired Idempotency-Keys"),
                        1, 1, TimeUnit.MINUTES);
            }

            @Override
            public synchronized void stop() {
                if (timer != null) {
                    timer.shutdownNow();
                    timer = null;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return timer != null;
            }
        };
    }

    private static void safely(Runnable task, String what) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Docket could not {} this time; it tries again shortly.", what, e);
        }
    }
}
