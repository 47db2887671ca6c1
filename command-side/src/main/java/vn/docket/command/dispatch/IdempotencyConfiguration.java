package vn.docket.command.dispatch;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.Periodic;

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
        return new Periodic("idempotency", log)
                .every(keys.lease().dividedBy(3), "renew the leases of running requests", keys::renewLeases)
                .every(Duration.ofMinutes(1), "delete expired Idempotency-Keys", keys::sweep);
    }
}
