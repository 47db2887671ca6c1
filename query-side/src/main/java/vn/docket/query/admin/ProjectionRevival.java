package vn.docket.query.admin;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.Periodic;
import vn.docket.platform.mongo.DatabaseHealthIndicator;

/**
 * Restarts a projection that stopped on a database failure as soon as the database answers again.
 *
 * <p>A tracking processor whose batch failed waits before it tries again, twice as long after every failure,
 * up to a minute (Axon 4.12 has no setting for it), and a released segment is claimed again only every few
 * seconds: after an outage the read models stayed behind for many seconds after the database was back
 * (bench/README.md, "Figures behind settings"). This pings the database every second (as readiness does) and, when it answers again
 * after it did not, restarts each projection, which resumes from its stored position at once. Nothing is
 * handled twice that the projections do not already take twice (they are idempotent: delivery is at least
 * once).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionRevival {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRevival.class);

    private final EventProcessingConfiguration processing;
    private final DatabaseHealthIndicator database;
    private volatile boolean databaseWasAway;

    ProjectionRevival(EventProcessingConfiguration processing, DatabaseHealthIndicator database) {
        this.processing = processing;
        this.database = database;
    }

    void reviveStoppedProjections() {
        try {
            boolean answers = Status.UP.equals(database.health().getStatus());
            if (!answers) {
                databaseWasAway = true;
                return;
            }
            if (databaseWasAway) {
                databaseWasAway = false;
                for (EventProcessor processor : processing.eventProcessors().values()) {
                    if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                        log.info("The database answers again: projection {} resumes now instead of after its retry pause",
                                processor.getName());
                        streaming.shutDown();
                        streaming.start();
                    }
                }
            }
        } catch (RuntimeException e) {
            // Checked again in a second; a failure here must not end the schedule.
            log.debug("Could not check the projections for a restart", e);
        }
    }

    @Bean
    Periodic projectionRevivalSchedule() {
        return new Periodic("projection-revival", log).every(Duration.ofSeconds(1), "restart the projections after an outage",
                this::reviveStoppedProjections);
    }
}
