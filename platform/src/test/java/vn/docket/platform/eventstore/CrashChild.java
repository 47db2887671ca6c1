package vn.docket.platform.eventstore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link CrashTest} kills: Docket's engine on the embedded H2 backend in a given directory,
 * the Tally aggregate behind Axon's command gateway, and a line protocol on a loopback socket
 * ("bump id" → "ok count" once the command has completed, which is the acknowledgement the parent counts).
 * Arguments: the data directory, and optionally the port of the embedded server (default: a free one), for
 * a parent that keeps a second node on that database across restarts ({@link SharedDatabaseCrashTest}).
 */
public final class CrashChild {

    /**
     * Starts a child JVM running this class on the test's class path, its log in {@code log}; {@code args} are
     * the data directory and, for a host that others share, the database port.
     */
    static Process start(Path log, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return builder.start();
    }

    /** Waits for the child's "READY port" line and returns the port it takes commands on. */
    static int awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new IllegalStateException("the child JVM exited before it was ready");
    }

    public static void main(String[] args) throws Exception {
        EmbeddedStore store = EmbeddedStore.onDisk(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        TallyApp app = TallyApp.start(store.engine(), store.database, 20, 1_000, 100, List.of());
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        System.out.println("READY " + server.getLocalPort());
        System.out.flush();
        while (true) {
            Socket socket = server.accept();
            Thread worker = new Thread(() -> serve(socket, app), "client-" + socket.getPort());
            worker.setDaemon(true);
            worker.start();
        }
    }

    private static void serve(Socket socket, TallyApp app) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String id = line.substring("bump ".length());
                try {
                    out.println("ok " + app.bump(id));
                } catch (RuntimeException e) {
                    out.println("err " + e.getClass().getSimpleName());
                }
            }
        } catch (Exception ignored) {
            // The parent went away.
        }
    }
}
