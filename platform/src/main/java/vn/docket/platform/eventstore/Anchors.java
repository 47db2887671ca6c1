package vn.docket.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.docket.platform.Sha256;

/**
 * Anchors: each checkpoint signed with an Ed25519 key kept outside the database, and appended to an export file
 * kept outside it too (a line of JSON per checkpoint). Someone who can write the database can rewrite the whole
 * store consistently (events, hashes and checkpoints recomputed) and {@link StoreVerifier} alone cannot tell; they
 * cannot make the signed lines already handed out agree with it, nor sign new ones without the key.
 *
 * <p>The key files are PEM: {@code anchor-key.pem} (private, PKCS#8, readable by Docket only) and
 * {@code anchor-key.pub.pem} (public, X.509, for whoever verifies).
 */
public final class Anchors {

    private static final String ALGORITHM = "Ed25519";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Anchors() {
    }

    /** What is signed for the checkpoint at {@code position}: the position and the running hash there. */
    static byte[] signed(long position, String hash) {
        return ("docket checkpoint " + position + " " + hash).getBytes(StandardCharsets.US_ASCII);
    }

    /** Creates a key pair: {@code privateKeyFile} and, beside it, the public key ({@link #publicKeyFile}). */
    public static String init(Path privateKeyFile) throws IOException, GeneralSecurityException {
        if (Files.exists(privateKeyFile)) {
            throw new IOException(privateKeyFile + " exists already; move it away first (anchors signed with it "
                    + "can only be checked with its public key)");
        }
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path dir = privateKeyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions protect it.
        }
        Files.writeString(publicKeyFile(privateKeyFile), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return fingerprint(pair.getPublic());
    }

    /** The public key's file beside the private one: {@code anchor-key.pem} → {@code anchor-key.pub.pem}. */
    public static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return privateKeyFile.resolveSibling(base + ".pub.pem");
    }

    /** The first 16 hex digits of SHA-256 over the public key: what a person compares by eye. */
    public static String fingerprint(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(Files.readString(file))));
    }

    /** Signs checkpoints and appends them to the export file. */
    public static final class Signer {

        private final PrivateKey key;
        private final Path export;

        public Signer(Path privateKeyFile, Path export) throws IOException, GeneralSecurityException {
            this.key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateKeyFile))));
            this.export = export;
        }

        String sign(long position, String hash) {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initSign(key);
                signature.update(signed(position, hash));
                return Base64.getEncoder().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not sign the checkpoint at position " + position, e);
            }
        }

        /** Appends the signed checkpoint as one line, forced to disk before the checkpoint counts as recorded. */
        void export(long position, String hash, Instant recordedAt, String signature) {
            if (export == null) {
                return;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("position", position);
            line.put("hash", hash);
            line.put("recordedAt", recordedAt.toString());
            line.put("signature", signature);
            try {
                Files.createDirectories(export.toAbsolutePath().getParent());
                Files.writeString(export, JSON.writeValueAsString(line) + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new IllegalStateException("Could not append the checkpoint at position " + position + " to "
                        + export + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks an export file against the store's checkpoints: each line's signature with the public key, and its
     * hash against the checkpoint recorded at its position. Together with an intact walk of the store (which
     * proves the checkpoints match the events) this proves the events up to the last line are those anchored.
     */
    public static List<VerifyReport.Problem> check(Path anchorFile, PublicKey key, Checkpointer checkpoints)
            throws IOException {
        List<VerifyReport.Problem> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(anchorFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = "line " + (i + 1) + " of " + anchorFile.getFileName();
            long position;
            String hash;
            String signature;
            try {
                JsonNode line = JSON.readTree(lines.get(i));
                position = line.path("position").asLong(-1);
                hash = line.path("hash").asText(null);
                signature = line.path("signature").asText(null);
            } catch (IOException e) {
                problems.add(new VerifyReport.Problem(0, null, null, ANCHOR_UNREADABLE, where + " is not an anchor"));
                continue;
            }
            if (position < 1 || hash == null || signature == null || !verifies(key, position, hash, signature)) {
                problems.add(new VerifyReport.Problem(Math.max(position, 0), null, null, ANCHOR_FORGED,
                        where + " does not carry a valid signature by this key"));
                continue;
            }
            String stored = checkpoints.hashAt(position);
            if (stored == null) {
                problems.add(new VerifyReport.Problem(position, null, null, ANCHOR_MISMATCH, where
                        + " anchors position " + position + ", but the store has no checkpoint there"));
            } else if (!stored.equals(hash)) {
                problems.add(new VerifyReport.Problem(position, null, null, ANCHOR_MISMATCH, where
                        + " anchors a running hash at position " + position + " that differs from the store's: the store "
                        + "was rewritten after it was anchored"));
            }
        }
        return problems;
    }

    public static final String ANCHOR_MISMATCH = "anchor mismatch";
    public static final String ANCHOR_FORGED = "anchor signature invalid";
    public static final String ANCHOR_UNREADABLE = "anchor unreadable";

    static boolean verifies(PublicKey key, long position, String hash, String signature) {
        try {
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(key);
            check.update(signed(position, hash));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
