package dev.cogauth.localpool.engine;

/** SOFTWARE_TOKEN_MFA: the authenticator app's TOTP code for the user's secret, at the pool's clock. */
final class SoftwareTokenHandler extends CodeHandler {

    SoftwareTokenHandler(PoolServices pool) {
        super(pool);
    }

    @Override
    boolean correct(AuthSession session, String code) {
        return Totp.verify(session.user().totpSecret(), code, pool.clock().instant());
    }
}
