package io.teamscpe.credential.store;

import io.teamscpe.credential.SealedSecret;

/** Reads the five sealed-secret columns (ciphertext, iv, wrapped key, its iv, master key id) out of a native row. */
final class SealedRows {
    private SealedRows() {
    }

    static SealedSecret sealed(Object[] row, int from) {
        return new SealedSecret((byte[]) row[from], (byte[]) row[from + 1], (byte[]) row[from + 2],
                (byte[]) row[from + 3], (String) row[from + 4]);
    }
}
