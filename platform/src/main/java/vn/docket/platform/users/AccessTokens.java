package vn.docket.platform.users;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

import vn.docket.platform.Sha256;

/**
 * Personal access tokens (collection {@code access_tokens}): each kept only as the SHA-256 of the token,
 * which is its {@code _id}, so checking a token is one read by key. The token itself is shown once, when
 * issued. 256 random bits need no slow hash: nobody can guess a token from its SHA-256.
 */
public class AccessTokens {

    static final String COLLECTION = "access_tokens";
    /** Marks Docket's own tokens, so they are told apart from an OpenID Connect issuer's tokens at a glance. */
    public static final String PREFIX = "dkt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> tokens;

    public AccessTokens(MongoDatabase database) {
        this.tokens = database.getCollection(COLLECTION);
        // Unique, so that the embedded server also finds a token by its id without a scan when it is revoked.
        tokens.createIndex(Indexes.ascending("tokenId"), new IndexOptions().unique(true));
    }

    /** A token as its owner sees it in the list: never the token, never its hash. */
    public record TokenView(String tokenId, String label, Instant issuedAt) {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void store(String token, String tokenId, String userId, String label, Instant at) {
        tokens.insertOne(new Document("_id", Sha256.hex(token)).append("tokenId", tokenId).append("userId", userId)
                .append("label", label).append("issuedAt", Date.from(at)));
    }

    void remove(String tokenId) {
        tokens.deleteOne(Filters.eq("tokenId", tokenId));
    }

    /** The user id this token was issued to, while it is not revoked. */
    public Optional<String> owner(String token) {
        return Optional.ofNullable(tokens.find(Filters.eq("_id", Sha256.hex(token))).first())
                .map(d -> d.getString("userId"));
    }

    List<TokenView> of(String userId) {
        return tokens.find(Filters.eq("userId", userId)).sort(Sorts.ascending("issuedAt"))
                .map(d -> new TokenView(d.getString("tokenId"), d.getString("label"), d.getDate("issuedAt").toInstant()))
                .into(new ArrayList<>());
    }
}
