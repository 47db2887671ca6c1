package vn.docket.app;

import java.io.PrintStream;
import java.nio.file.Path;
import vn.docket.platform.eventstore.Anchors;

/**
 * {@code java -jar docket.jar keys init [FILE]}: creates the Ed25519 key pair that signs the event store's
 * checkpoints (default {@code config/anchor-key.pem}, the default of {@code docket.event-store.anchor-key}), and
 * the public key beside it for the auditor. Docket signs from its next start.
 */
final class KeysCommand {

    private KeysCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || !args[0].equals("init") || args.length > 2) {
            err.println("Usage: java -jar docket.jar keys init [FILE]   (default config/anchor-key.pem)");
            return 2;
        }
        if (args.length == 2 && args[1].startsWith("-")) {
            // Taken for FILE, "--docket.event-store.anchor-key=k.pem" made a key in a folder named after the option.
            err.println("keys init: " + args[1] + " is not an option of keys init, which takes only FILE (default"
                    + " config/anchor-key.pem); nothing was done.");
            return 2;
        }
        Path key = Path.of(args.length == 2 ? args[1] : "config/anchor-key.pem");
        try {
            String fingerprint = Anchors.init(key);
            out.println("Created the anchor key " + key + " (keep it secret, outside the database's backups) and its public key "
                    + Anchors.publicKeyFile(key) + " (give it to the auditor). Fingerprint " + fingerprint
                    + ". Docket signs each checkpoint from its next start.");
            return 0;
        } catch (Exception e) {
            err.println("Could not create the anchor key: " + e.getMessage());
            return 1;
        }
    }
}
