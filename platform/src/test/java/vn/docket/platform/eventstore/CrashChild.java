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
