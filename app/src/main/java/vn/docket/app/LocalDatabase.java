package vn.docket.app;

import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/** How the command-line tools (verify, backup, restore) reach the database Docket itself uses. */
final class LocalDatabase {

    private LocalDatabase() {
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
