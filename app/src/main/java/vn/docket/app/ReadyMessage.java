package vn.docket.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The one line a person starting Docket needs, where to open it; and the one that says it was stopped on purpose. */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    /** Whether Docket got as far as ready: a start that failed is closed too, and Spring's report says why. */
    private volatile boolean ready;

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void ready(ApplicationReadyEvent event) {
        ready = true;
        Environment env = event.getApplicationContext().getEnvironment();
        String url = "http://localhost:" + env.getProperty("local.server.port", "8080") + "/";
        boolean demo = env.getProperty("docket.security.demo-users", Boolean.class, false);
        log.info("Docket is ready: open {}{}", url, demo ? " and sign in as clerk / demo (other demo users above)" : "");
    }

    /** Without it a log stopped on purpose (SIGTERM, Ctrl+C, the service stopped) ended as one whose process died. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        if (ready) {
            log.info("Docket is stopping, as it was asked to; what it recorded is kept.");
        }
    }
}
