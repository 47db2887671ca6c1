package vn.docket.app;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.axon.EventStoreSettings;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/** How the command-line tools (verify, backup, restore) reach the database Docket itself uses. */
final class LocalDatabase {

    private LocalDatabase() {
    }

    /** Only the settings are bound: nothing of Docket itself starts. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MongoSettings.class, EventStoreSettings.class})
    static class Settings {
    }

    /** Docket's usual settings of the database and the event store, as {@code args} adjust them. */
    static ConfigurableApplicationContext settings(String... args) {
        return new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).run(args);
    }

    /** A client of {@code server}, named {@code tool} in the database's log. */
    static MongoClient client(DatabaseServer server, String tool) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString())).applicationName(tool).build());
    }

    /**
     * The configured MongoDB; else a running Docket's embedded server on its loopback port; else the embedded
     * data directory opened directly (Docket stopped).
     */
    static DatabaseServer connect(MongoSettings mongo) {
        if (!mongo.useEmbedded()) {
            return DatabaseServer.external(mongo.uri());
        }
        MongoSettings.Embedded embedded = mongo.embedded();
        if (runningOn(embedded)) {
            // Docket is running and holds the data file: ask its embedded server.
            return DatabaseServer.external("mongodb://127.0.0.1:" + embedded.port());
        }
        return DatabaseServer.embedded(new MongoSettings.Embedded(embedded.dataDir(), 0, embedded.backend()));
    }

    /** Whether a running Docket's embedded server answers on the configured port. */
    static boolean runningOn(MongoSettings.Embedded embedded) {
        return !embedded.inMemory() && embedded.port() > 0 && DatabaseServer.answersOn(embedded.port());
    }
}
