package dev.cogauth.localpool.engine;

import dev.cogauth.srp.SrpVerifier;

/**
 * A device the pool gave one user in NewDeviceMetadata. Until ConfirmDevice registers its SRP
 * verifier it cannot sign in; once confirmed it can, and when also remembered it skips MFA.
 * Immutable: the {@link DeviceStore} replaces it as it changes.
 *
 * @param verifier the device password's verifier under (group key, device key), null until confirmed
 */
record PoolDevice(String key, String groupKey, PoolUser user, SrpVerifier verifier, boolean remembered) {

    static PoolDevice offered(String key, String groupKey, PoolUser user) {
        return new PoolDevice(key, groupKey, user, null, false);
    }

    boolean confirmed() {
        return verifier != null;
    }

    PoolDevice confirmedWith(SrpVerifier deviceVerifier, boolean remember) {
        return new PoolDevice(key, groupKey, user, deviceVerifier, remember);
    }

    PoolDevice rememberedAs(boolean remember) {
        return new PoolDevice(key, groupKey, user, verifier, remember);
    }
}
