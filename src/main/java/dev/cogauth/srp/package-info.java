/**
 * Cognito's SRP-6a variant, both sides, as pure functions of their inputs (no I/O).
 *
 * <p>Client, per sign-in attempt: {@link dev.cogauth.srp.SrpClient#start} gives SRP_A; on
 * PASSWORD_VERIFIER, {@link dev.cogauth.srp.SrpClient#passwordClaimSignature} with a TIMESTAMP from
 * {@link dev.cogauth.srp.SrpTimestamp#now}. {@link dev.cogauth.srp.SecretHash} signs calls of app
 * clients with a secret; {@link dev.cogauth.srp.DeviceSecrets} makes ConfirmDevice's verifier.
 *
 * <p>Server (the local pool): store an {@link dev.cogauth.srp.SrpVerifier} per user (or device);
 * per PASSWORD_VERIFIER challenge, {@link dev.cogauth.srp.SrpServer#start} gives SALT and SRP_B,
 * and {@link dev.cogauth.srp.SrpServer#verifyPasswordClaim} checks the answer.
 *
 * <p>Every malformed or unsafe value from the other side raises {@link dev.cogauth.srp.SrpException},
 * whose message names the field, never a secret.
 */
package dev.cogauth.srp;
