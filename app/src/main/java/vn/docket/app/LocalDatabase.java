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
     * The configured MongoDB; else the embedded data directory: opened directly when Docket is stopped, through the
     * embedded server of the Docket that holds it when one runs ({@link DatabaseServer#forTool}).
     *
     * @param create whether a data directory with no database yet is created (a restore's) rather than refused
     */
    static DatabaseServer connect(MongoSettings mongo, boolean create) {
        if (!mongo.useEmbedded()) {
            return DatabaseServer.external(mongo.uri());
        }
        return DatabaseServer.forTool(mongo.embedded(), create);
    }
}
