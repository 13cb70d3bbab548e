package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.localpool.definition.PoolDefinition.SignInPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/** The running pool's parts that operations share. */
record PoolServices(ObjectMapper json, ClientRegistry clients, UserStore users, SessionStore sessions,
                    SignInSteps steps, TokenService tokens, DeviceStore devices, SignInPolicy signInPolicy,
                    SignInTriggers signInTriggers, SecureRandom random, Clock clock, PoolLog log) {
}
