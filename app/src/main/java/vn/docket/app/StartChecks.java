package vn.docket.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import vn.docket.platform.StartRefused;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/**
 * What {@code java -jar docket.jar} checks before it starts anything: its HTTP port and the embedded database's port
 * are free, and no other Docket holds the data directory. Found only once started, each was a page of stack traces,
 * and a taken HTTP port left the process running for good (its event processors, started before the web server
 * failed, kept retrying on the closed database). Refused here, the operator reads what is wrong and what to do.
 */
final class StartChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        int http = env.getProperty("server.port", Integer.class, 8080);
        if (http > 0 && !free(new InetSocketAddress(http))) {
            throw new StartRefused("Port " + http + " is already in use by another program, perhaps a Docket already running.",
                    "Stop it, or start Docket on another port (--server.port=PORT).");
        }
        MongoSettings mongo = Binder.get(env).bind("docket.mongo", MongoSettings.class)
                .orElseGet(() -> new MongoSettings(null, null, null, null));
        if (!mongo.useEmbedded() || mongo.embedded().inMemory()) {
            return;
        }
        MongoSettings.Embedded embedded = mongo.embedded();
        if (DatabaseServer.held(embedded)) {
            throw new StartRefused("The data directory " + Path.of(embedded.dataDir()).toAbsolutePath().normalize()
                    + " is in use by another Docket.", "Stop that Docket, or start this one on another data directory"
                    + " (--docket.mongo.embedded.data-dir=DIR).");
        }
        if (embedded.port() > 0 && !free(new InetSocketAddress("127.0.0.1", embedded.port()))) {
            throw new StartRefused("Port " + embedded.port() + " of the embedded database is already in use by another"
                    + " program, perhaps another Docket.", "Stop it, or give this Docket another database port"
                    + " (--docket.mongo.embedded.port=PORT).");
        }
    }

    private static boolean free(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
