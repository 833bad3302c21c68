package io.teamscpe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The credential service's master key for one data directory: 32 random bytes, base64, created once in
 * {@code master.key} readable by the owner only, so restarts can still decrypt stored secrets. Never logged.
 */
final class MasterKey {
    static final String FILE = "master.key";

    private MasterKey() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: use theirs
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (Base64.getDecoder().decode(key).length != 32) {
                throw new IllegalStateException(file + " does not hold a base64 32-byte key; delete it to make a new one"
                        + " (secrets stored with the old key become unreadable)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create " + file, e);
        }
    }
}
