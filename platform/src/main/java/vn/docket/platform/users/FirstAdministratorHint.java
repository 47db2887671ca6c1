package vn.docket.platform.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.docket.platform.security.ApiSignIn;
import vn.docket.platform.security.SecuritySettings;

/** A fresh installation has nobody who can sign in: say at start-up how to make the first administrator. */
@Component
class FirstAdministratorHint {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorHint.class);

    private final UserStore store;
    private final SecuritySettings settings;
    private final ApiSignIn signIn;

    FirstAdministratorHint(UserStore store, SecuritySettings settings, ApiSignIn signIn) {
        this.store = store;
        this.settings = settings;
        this.signIn = signIn;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (settings.users().isEmpty() && !settings.demoUsers() && !signIn.acceptsTokens() && store.all().isEmpty()) {
            log.info("No users yet. Add the first administrator (the password is read from standard input): "
                    + "java -jar docket.jar users add --id admin --name \"...\" --role ADMIN");
        }
    }
}
