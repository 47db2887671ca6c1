package vn.docket.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Docket's own MongoClient; with it present Spring Boot's Mongo auto-configuration steps aside. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoSettings.class)
public class MongoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(MongoSettings settings,
                                  @Value("${docket.mongo.embedded.compact-every:10m}") Duration compactEvery) {
        return settings.useEmbedded()
                ? DatabaseServer.embedded(settings.embedded(), compactEvery)
                : DatabaseServer.external(settings.uri());
    }

    /**
     * With the timeouts of {@link MongoSettings.Timeouts}; the same options in the URI win (applied last). A
     * {@link CommandListener} bean sees every command Docket sends (tests check what a request asks of the database).
     */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(DatabaseServer server, MongoSettings settings, ObjectProvider<CommandListener> listeners) {
        MongoSettings.Timeouts timeouts = settings.timeouts();
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        listeners.orderedStream().forEach(builder::addCommandListener);
        return MongoClients.create(builder
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s
                        .connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeouts.read().toMillis(), TimeUnit.MILLISECONDS))
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applicationName("docket")
                .build());
    }

    /** Readiness: DOWN while the database does not answer a ping ({@code /actuator/health/readiness}). */
    @Bean
    DatabaseHealthIndicator databaseHealthIndicator(MongoDatabase database, MongoSettings settings) {
        return new DatabaseHealthIndicator(database, settings.timeouts().ping());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        MongoDatabase database = client.getDatabase(settings.database());
        awaitDatabase(database, settings.timeouts().start());
        return database;
    }

    /**
     * Pings until the database answers or {@code patience} has passed. Every later operation waits only the short
     * server-selection timeout, meant for a database that went away; at start the first connection may simply be
     * slow, or the database not up yet.
     */
    static void awaitDatabase(MongoDatabase database, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        boolean said = false;
        while (true) {
            try {
                database.runCommand(new Document("ping", 1));
                return;
            } catch (MongoTimeoutException notYet) {
                if (System.nanoTime() > until) {
                    throw notYet;
                }
                if (!said) {
                    LOG.info("Waiting for the database to answer (at most {} s) before Docket starts.", patience.toSeconds());
                    said = true;
                }
            }
        }
    }
}
