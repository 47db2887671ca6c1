package vn.docket.platform.users;

import com.mongodb.client.MongoDatabase;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.docket.platform.eventstore.DocketEventStorageEngine;
import vn.docket.platform.security.DemoUsers;
import vn.docket.platform.security.SecuritySettings;

/** The user store and its rules, in every Docket process (each may sign people in). */
@Configuration(proxyBeanMethods = false)
public class UserConfiguration {

    @Bean
    UserStore userStore(MongoDatabase database) {
        return new UserStore(database);
    }

    @Bean
    AccessTokens accessTokens(MongoDatabase database) {
        return new AccessTokens(database);
    }

    @Bean
    UserAccounts userAccounts(UserStore store, AccessTokens tokens, EventStore events, EventStorageEngine engine,
                              PasswordEncoder encoder, SecuritySettings settings) {
        if (engine instanceof DocketEventStorageEngine docket) {
            return new UserAccounts(store, tokens, events, docket::has, encoder, configuredIds(settings));
        }
        return new UserAccounts(store, tokens, events, encoder, configuredIds(settings));
    }

    /** Users whose password, role and unit the configuration owns: configured ones, and the demo people. */
    static Set<String> configuredIds(SecuritySettings settings) {
        Set<String> ids = new HashSet<>();
        settings.users().forEach(u -> ids.add(u.id()));
        if (settings.demoUsers()) {
            ids.addAll(DemoUsers.ids());
        }
        return ids;
    }
}
