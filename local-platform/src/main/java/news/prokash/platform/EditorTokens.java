package news.prokash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The local platform's stand-in for the newsroom's identity provider: a key pair made fresh on
 * every start (so no secret is ever committed), its public half handed to ingest-service, and
 * RS256 JWTs for an editor and an admin printed for the user.
 */
final class EditorTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final Path publicKeyPem;

    private EditorTokens(KeyPair keys, Path publicKeyPem) {
        this.keys = keys;
        this.publicKeyPem = publicKeyPem;
    }

    static EditorTokens create(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.createDirectories(dir);
        Path pem = dir.resolve("editor-tokens-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return new EditorTokens(keys, pem);
    }

    /** Where ingest-service reads the verification key (Boot's resource-server property). */
    Path publicKeyPem() {
        return publicKeyPem;
    }

    String editor() {
        return mint("local-editor", List.of("editor"), Duration.ofHours(12));
    }

    String admin() {
        return mint("local-admin", List.of("editor", "admin"), Duration.ofHours(12));
    }

    String mint(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"prokash-local\",\"sub\":\"" + subject + "\",\"roles\":["
                + String.join(",", roles.stream().map(r -> "\"" + r + "\"").toList()) + "],\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + "}";
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
