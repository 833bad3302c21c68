package io.teamscpe.credential.microsoft;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.teamscpe.credential.store.TokenCacheStore;
import java.util.UUID;

/** msal4j's view of one provider's persisted token cache: loaded before every access, saved when it changed. */
final class ProviderTokenCache implements ITokenCacheAccessAspect {
    private static final String EMPTY_CACHE = "{}";

    private final TokenCacheStore store;
    private final String firmId;
    private final UUID providerId;

    ProviderTokenCache(TokenCacheStore store, String firmId, UUID providerId) {
        this.store = store;
        this.firmId = firmId;
        this.providerId = providerId;
    }

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        // the database is the truth: another replica may have refreshed, or the sign-in may have been wiped
        context.tokenCache().deserialize(store.load(firmId, providerId).orElse(EMPTY_CACHE));
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            store.save(firmId, providerId, context.tokenCache().serialize());
        }
    }
}
