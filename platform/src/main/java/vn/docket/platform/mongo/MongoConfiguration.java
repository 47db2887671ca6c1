package vn.docket.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Docket's own MongoClient; with it present Spring Boot's Mongo auto-configuration steps aside. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoSettings.class)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(MongoSettings settings) {
        return settings.useEmbedded()
                ? DatabaseServer.embedded(settings.embedded())
                : DatabaseServer.external(settings.uri());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(DatabaseServer server) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applicationName("docket")
                .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }
}
