package vn.docket.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.docket.command.notice.reading.NoticeReaderCli;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.users.UsersCommand;

/** Docket in one process: command side, query side, the embedded database and the web UI. */
@SpringBootApplication(scanBasePackages = {"vn.docket.command", "vn.docket.query", "vn.docket.app"})
@Import(PlatformConfiguration.class)
public class DocketApplication {

    public static void main(String[] args) throws Exception {
        // Axon must not contact an update server or write into the user's home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (args.length > 0 && args[0].equals("preview")) {
            // "java -jar docket.jar preview FILE": the import preview as JSON, without starting Docket.
            NoticeReaderCli.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("users")) {
            // "java -jar docket.jar users add|list ...": the users in Docket's database, without starting Docket.
            System.exit(UsersCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.in, System.out, System.err, System.console()));
        }
        if (args.length > 0 && args[0].equals("keys")) {
            // "java -jar docket.jar keys init": the key that signs the event store's checkpoints.
            System.exit(KeysCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify")) {
            // "java -jar docket.jar verify": the tamper check of the event store, exit code 0 when intact.
            System.exit(VerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // "java -jar docket.jar backup|restore DIR": a copy of the database at one event position, and back.
            System.exit(BackupCommand.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.out, System.err));
        }
        SpringApplication app = new SpringApplication(DocketApplication.class);
        if (args.length > 0 && args[0].equals("demo")) {
            // "java -jar docket.jar demo": demo users and demo history on the embedded database.
            app.setAdditionalProfiles("demo");
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        app.run(args);
    }
}
