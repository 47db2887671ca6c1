package vn.docket.platform.users;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The user store and its rules, in every Docket process (each may sign people in). */
@Configuration(proxyBeanMethods = false)
public class UserConfiguration {

    @Bean
    UserStore userStore(MongoDatabase database) {
        return new UserStore(database);
    }

    @Bean
    UserAccounts userAccounts(UserStore store, PasswordEncoder encoder, Clock clock, UserDetailsService signIn) {
        // Any id someone can already sign in with (configured, demo or stored) is taken.
        return new UserAccounts(store, encoder, clock, id -> {
            try {
                signIn.loadUserByUsername(id);
                return true;
            } catch (UsernameNotFoundException e) {
                return false;
            }
        });
    }
}
