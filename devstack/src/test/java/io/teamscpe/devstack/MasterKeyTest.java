package io.teamscpe.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class MasterKeyTest {

    @Test
    void createdOnceOwnerOnlyAndStable() throws Exception {
        Path dir = TestDirs.fresh("key");
        String key = MasterKey.loadOrCreate(dir);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(MasterKey.FILE))))
                .isEqualTo("rw-------");
        assertThat(MasterKey.loadOrCreate(dir)).isEqualTo(key);
        assertThat(MasterKey.loadOrCreate(TestDirs.fresh("other-key"))).isNotEqualTo(key);
    }
}
