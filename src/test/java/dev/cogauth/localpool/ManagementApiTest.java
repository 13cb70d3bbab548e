package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The management API through the AWS SDK v2, as a test suite written for Cognito would call it:
 * SigV4-signed with made-up credentials (the pool accepts any), Cognito's shapes and error
 * codes, codes and temporary passwords read from the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementApiTest {

    private static final String STRONG = "Str0ng-Passw0rd!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path outboxDirectory;
    private LocalPool.Running running;
    private CognitoIdentityProviderClient sdk;
    private String poolId;
    private String clientId;

    @BeforeAll
    void start(@TempDir Path outbox) throws IOException {
        outboxDirectory = outbox;
        running = LocalPool.builder().definition(DemoPool.definition()).log(PoolLog.silent())
                .outbox(Outbox.in(outboxDirectory)).start();
        sdk = CognitoIdentityProviderClient.builder()
                .endpointOverride(running.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "any-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    void stop() {
        sdk.close();
        running.close();
    }

    @BeforeEach
    void aFreshPoolAndClient() {
        poolId = sdk.createUserPool(r -> r.poolName("tests")).userPool().id();
        clientId = sdk.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterEach
    void deleteThePool() {
        sdk.deleteUserPool(r -> r.userPoolId(poolId));
    }

    @Nested
    class Pools {
        @Test
        void createdPoolsAreDescribedListedAndDeleted() {
            var created = sdk.createUserPool(r -> r.poolName("policy-pool").policies(p -> p.passwordPolicy(pp -> pp
                    .minimumLength(12).requireNumbers(true)))).userPool();
            assertTrue(created.id().matches("us-east-1_[A-Za-z0-9]{9}"), created.id());
            var described = sdk.describeUserPool(r -> r.userPoolId(created.id())).userPool();
            assertEquals("policy-pool", described.name());
            assertEquals(12, described.policies().passwordPolicy().minimumLength());
            assertTrue(described.policies().passwordPolicy().requireNumbers());
            assertFalse(described.policies().passwordPolicy().requireSymbols());
            assertEquals("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + created.id(), described.arn());
            List<String> listed = sdk.listUserPools(r -> r.maxResults(60)).userPools().stream().map(p -> p.id()).toList();
            assertTrue(listed.containsAll(List.of(DemoPool.POOL_ID, poolId, created.id())), listed.toString());

            sdk.deleteUserPool(r -> r.userPoolId(created.id()));
            assertThrows(ResourceNotFoundException.class, () -> sdk.describeUserPool(r -> r.userPoolId(created.id())));
        }

        /** Each key is made in its CreateUserPool call: a flood of them starts no key-making thread per call. */
        @Test
        void aCreatedPoolsSigningKeyIsMadeInTheCallNotOnAThreadOfItsOwn() throws InterruptedException {
            for (Thread maker : keyMakers()) {
                maker.join(); // the pool file's own key, made in the background at start
            }
            List<String> created = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                created.add(sdk.createUserPool(r -> r.poolName("keyed")).userPool().id());
            }
            List<Thread> makers = keyMakers();
            created.forEach(id -> sdk.deleteUserPool(r -> r.userPoolId(id)));
            assertEquals(List.of(), makers, "key-making threads left running by CreateUserPool");
        }

        private List<Thread> keyMakers() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("local-pool-signing-key") && t.isAlive()).toList();
        }

        @Test
        void listingPagesWithNextToken() {
            var first = sdk.listUserPools(r -> r.maxResults(1));
            assertEquals(1, first.userPools().size());
            assertNotNull(first.nextToken());
            var second = sdk.listUserPools(r -> r.maxResults(1).nextToken(first.nextToken()));
            assertNotEquals(first.userPools().get(0).id(), second.userPools().get(0).id());
        }

        @Test
        void thePoolFilesPoolIsReachedByItsIdAndStays() {
            assertEquals(DemoPool.USERNAME, sdk.adminGetUser(r -> r.userPoolId(DemoPool.POOL_ID).username(DemoPool.USERNAME)).username());
            assertThrows(InvalidParameterException.class, () -> sdk.deleteUserPool(r -> r.userPoolId(DemoPool.POOL_ID)));
        }

        @Test
        void triggersCannotBeGivenToCreateUserPool() {
            InvalidParameterException refused = assertThrows(InvalidParameterException.class, () -> sdk.createUserPool(r -> r
                    .poolName("with-lambda").lambdaConfig(l -> l.preSignUp("arn:aws:lambda:us-east-1:000000000000:function:f"))));
            assertTrue(refused.awsErrorDetails().errorMessage().contains("pool file"));
        }

        @Test
        void poolsAreCapped() {
            List<String> made = new java.util.ArrayList<>();
            try {
                LimitExceededException full = assertThrows(LimitExceededException.class, () -> {
                    for (int i = 0; i < 100; i++) {
                        made.add(sdk.createUserPool(r -> r.poolName("many")).userPool().id());
                    }
                });
                assertTrue(full.awsErrorDetails().errorMessage().contains("at most 20"), full.getMessage());
                assertEquals(18, made.size(), "the pool file's, the test's and 18 more");
            } finally {
                made.forEach(id -> sdk.deleteUserPool(r -> r.userPoolId(id)));
            }
        }

        @Test
        void anUnknownPoolIsNotFound() {
            ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                    () -> sdk.adminGetUser(r -> r.userPoolId("us-east-1_Nope").username("x")));
            assertEquals("User pool us-east-1_Nope does not exist.", missing.awsErrorDetails().errorMessage());
        }
    }

    @Nested
    class Clients {
        @Test
        void aClientWithSecretAndOAuthSettingsIsDescribedUpdatedAndDeleted() {
            var created = sdk.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").generateSecret(true)
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid").callbackURLs("http://localhost/cb")
                    .allowedOAuthFlowsUserPoolClient(true)).userPoolClient();
            assertEquals(26, created.clientId().length());
            assertNotNull(created.clientSecret());
            assertEquals(List.of(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
                    ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH), created.explicitAuthFlows(), "Cognito's default flows");
            var described = sdk.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId())).userPoolClient();
            assertEquals("web", described.clientName());
            assertEquals(List.of("http://localhost/cb"), described.callbackURLs());
            assertEquals(created.clientSecret(), described.clientSecret());

            var updated = sdk.updateUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId())
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient();
            assertEquals(List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH), updated.explicitAuthFlows());
            assertEquals(created.clientSecret(), updated.clientSecret());

            sdk.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()));
            assertThrows(ResourceNotFoundException.class,
                    () -> sdk.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId())));
        }

        @Test
        void anUnknownClientIsNotFound() {
            ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> sdk.signUp(r -> r
                    .clientId("nosuchclient").username("u").password(STRONG)));
            assertEquals("User pool client nosuchclient does not exist.", missing.awsErrorDetails().errorMessage());
        }

        @Test
        void clientsPerPoolAreCapped() {
            assertThrows(LimitExceededException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    sdk.createUserPoolClient(r -> r.userPoolId(poolId).clientName("many"));
                }
            });
        }
    }

    @Nested
    class AdminUsers {
        @Test
        void anInvitedUserGetsATemporaryPasswordAndMustChangeIt() {
            UserType user = sdk.adminCreateUser(r -> r.userPoolId(poolId).username("ann")
                    .userAttributes(attribute("email", "ann@example.com"))
                    .desiredDeliveryMediumsWithStrings("EMAIL")).user();
            assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
            assertTrue(user.enabled());
            assertTrue(user.attributes().stream().anyMatch(a -> a.name().equals("sub")));
            JsonNode invitation = lastMessage("ann");
            assertEquals("ann@example.com", invitation.get("destination").asText());
            InitiateAuthResponse challenge = passwordSignIn("ann", invitation.get("code").asText());
            assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());

            UsernameExistsException twice = assertThrows(UsernameExistsException.class,
                    () -> sdk.adminCreateUser(r -> r.userPoolId(poolId).username("ann")));
            assertEquals("User account already exists", twice.awsErrorDetails().errorMessage());

            sdk.adminCreateUser(r -> r.userPoolId(poolId).username("ann").messageAction(MessageActionType.RESEND)
                    .desiredDeliveryMediumsWithStrings("EMAIL"));
            assertNotEquals(invitation.get("code").asText(), lastMessage("ann").get("code").asText());
        }

        @Test
        void suppressedInvitationsAreNotSentAndAGivenTemporaryPasswordIsChecked() {
            assertThrows(InvalidPasswordException.class, () -> sdk.adminCreateUser(r -> r.userPoolId(poolId).username("bob")
                    .temporaryPassword("weak").messageAction(MessageActionType.SUPPRESS)));
            sdk.adminCreateUser(r -> r.userPoolId(poolId).username("bob").temporaryPassword(STRONG)
                    .userAttributes(attribute("email", "bob@example.com")).desiredDeliveryMediumsWithStrings("EMAIL")
                    .messageAction(MessageActionType.SUPPRESS));
            assertNull(lastMessage("bob"));
            assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, passwordSignIn("bob", STRONG).challengeName());
        }

        @Test
        void aPermanentPasswordConfirmsAndSignsIn() {
            sdk.adminCreateUser(r -> r.userPoolId(poolId).username("cat").messageAction(MessageActionType.SUPPRESS));
            InvalidPasswordException weak = assertThrows(InvalidPasswordException.class, () -> sdk.adminSetUserPassword(r -> r
                    .userPoolId(poolId).username("cat").password("alllowercase1!").permanent(true)));
            assertEquals("Password did not conform with policy: Password must have uppercase characters",
                    weak.awsErrorDetails().errorMessage());
            sdk.adminSetUserPassword(r -> r.userPoolId(poolId).username("cat").password(STRONG).permanent(true));
            assertEquals(UserStatusType.CONFIRMED, sdk.adminGetUser(r -> r.userPoolId(poolId).username("cat")).userStatus());
            assertNotNull(passwordSignIn("cat", STRONG).authenticationResult().accessToken());
        }

        @Test
        void attributesAreUpdatedAndAChangedEmailIsUnverified() {
            confirmedUser("dan", "dan@example.com");
            sdk.adminUpdateUserAttributes(r -> r.userPoolId(poolId).username("dan")
                    .userAttributes(attribute("email", "dan@new.example.com"), attribute("custom:team", "blue")));
            AdminGetUserResponse user = sdk.adminGetUser(r -> r.userPoolId(poolId).username("dan"));
            Map<String, String> attributes = user.userAttributes().stream()
                    .collect(java.util.stream.Collectors.toMap(AttributeType::name, AttributeType::value));
            assertEquals("dan@new.example.com", attributes.get("email"));
            assertEquals("false", attributes.get("email_verified"));
            assertEquals("blue", attributes.get("custom:team"));
        }

        @Test
        void aDisabledUserCannotSignInAndADeletedOneIsGone() {
            confirmedUser("eve", "eve@example.com");
            sdk.adminDisableUser(r -> r.userPoolId(poolId).username("eve"));
            assertFalse(sdk.adminGetUser(r -> r.userPoolId(poolId).username("eve")).enabled());
            NotAuthorizedException disabled = assertThrows(NotAuthorizedException.class, () -> passwordSignIn("eve", STRONG));
            assertEquals("User is disabled.", disabled.awsErrorDetails().errorMessage());
            sdk.adminEnableUser(r -> r.userPoolId(poolId).username("eve"));
            AuthenticationResultType tokens = passwordSignIn("eve", STRONG).authenticationResult();

            sdk.adminUserGlobalSignOut(r -> r.userPoolId(poolId).username("eve"));
            assertThrows(NotAuthorizedException.class, () -> sdk.getUser(r -> r.accessToken(tokens.accessToken())));
            sdk.adminDeleteUser(r -> r.userPoolId(poolId).username("eve"));
            UserNotFoundException gone = assertThrows(UserNotFoundException.class,
                    () -> sdk.adminGetUser(r -> r.userPoolId(poolId).username("eve")));
            assertEquals("User does not exist.", gone.awsErrorDetails().errorMessage());
        }

        @Test
        void listUsersFiltersAndPages() {
            confirmedUser("fay", "fay@example.com");
            confirmedUser("fred", "fred@example.org");
            confirmedUser("gus", "gus@example.com");
            assertEquals(List.of("fay", "fred"), usernames(sdk.listUsers(r -> r.userPoolId(poolId).filter("username ^= \"f\""))));
            assertEquals(List.of("fred"), usernames(sdk.listUsers(r -> r.userPoolId(poolId).filter("email = \"fred@example.org\""))));
            assertEquals(List.of(), usernames(sdk.listUsers(r -> r.userPoolId(poolId).filter("email = \"fred\""))));
            assertEquals(List.of("fay", "fred", "gus"),
                    usernames(sdk.listUsers(r -> r.userPoolId(poolId).filter("cognito:user_status = \"CONFIRMED\""))));

            ListUsersResponse first = sdk.listUsers(r -> r.userPoolId(poolId).limit(2));
            assertEquals(List.of("fay", "fred"), usernames(first));
            ListUsersResponse second = sdk.listUsers(r -> r.userPoolId(poolId).limit(2).paginationToken(first.paginationToken()));
            assertEquals(List.of("gus"), usernames(second));
            assertNull(second.paginationToken());

            assertThrows(InvalidParameterException.class, () -> sdk.listUsers(r -> r.userPoolId(poolId).filter("email == fred")));
        }
    }

    @Nested
    class SelfService {
        @Test
        void signUpConfirmAndSignIn() {
            assertThrows(InvalidPasswordException.class, () -> signUp("hal", "short"));
            SignUpResponse signedUp = signUp("hal", STRONG);
            assertFalse(signedUp.userConfirmed());
            assertEquals("EMAIL", signedUp.codeDeliveryDetails().deliveryMediumAsString());
            assertEquals("h***@e***", signedUp.codeDeliveryDetails().destination());
            assertThrows(UsernameExistsException.class, () -> signUp("hal", STRONG));
            assertThrows(UserNotConfirmedException.class, () -> passwordSignIn("hal", STRONG));

            CodeMismatchException wrong = assertThrows(CodeMismatchException.class,
                    () -> sdk.confirmSignUp(r -> r.clientId(clientId).username("hal").confirmationCode(otherThan(code("hal")))));
            assertEquals("Invalid verification code provided, please try again.", wrong.awsErrorDetails().errorMessage());
            sdk.confirmSignUp(r -> r.clientId(clientId).username("hal").confirmationCode(code("hal")));
            AdminGetUserResponse user = sdk.adminGetUser(r -> r.userPoolId(poolId).username("hal"));
            assertEquals(UserStatusType.CONFIRMED, user.userStatus());
            assertTrue(user.userAttributes().contains(attribute("email_verified", "true")));
            assertNotNull(passwordSignIn("hal", STRONG).authenticationResult().idToken());
            NotAuthorizedException again = assertThrows(NotAuthorizedException.class,
                    () -> sdk.confirmSignUp(r -> r.clientId(clientId).username("hal").confirmationCode(code("hal"))));
            assertEquals("User cannot be confirmed. Current status is CONFIRMED", again.awsErrorDetails().errorMessage());
        }

        @Test
        void fiveWrongCodesSpendTheCode() {
            signUp("ida", STRONG);
            String right = code("ida");
            for (int i = 0; i < 5; i++) {
                assertThrows(CodeMismatchException.class,
                        () -> sdk.confirmSignUp(r -> r.clientId(clientId).username("ida").confirmationCode(otherThan(right))));
            }
            assertThrows(LimitExceededException.class,
                    () -> sdk.confirmSignUp(r -> r.clientId(clientId).username("ida").confirmationCode(right)));
            sdk.resendConfirmationCode(r -> r.clientId(clientId).username("ida"));
            sdk.confirmSignUp(r -> r.clientId(clientId).username("ida").confirmationCode(code("ida")));
        }

        @Test
        void adminConfirmSignUpNeedsNoCode() {
            signUp("jay", STRONG);
            sdk.adminConfirmSignUp(r -> r.userPoolId(poolId).username("jay"));
            assertNotNull(passwordSignIn("jay", STRONG).authenticationResult());
        }

        @Test
        void forgotPasswordResetsWithTheCode() {
            confirmedUser("kim", "kim@example.com");
            var sent = sdk.forgotPassword(r -> r.clientId(clientId).username("kim")).codeDeliveryDetails();
            assertEquals("email", sent.attributeName());
            String code = code("kim");
            assertThrows(InvalidPasswordException.class, () -> sdk.confirmForgotPassword(r -> r.clientId(clientId)
                    .username("kim").confirmationCode(code).password("weak")));
            assertThrows(CodeMismatchException.class, () -> sdk.confirmForgotPassword(r -> r.clientId(clientId)
                    .username("kim").confirmationCode(otherThan(code)).password("N3w-Passw0rd!")));
            sdk.confirmForgotPassword(r -> r.clientId(clientId).username("kim").confirmationCode(code).password("N3w-Passw0rd!"));
            assertThrows(NotAuthorizedException.class, () -> passwordSignIn("kim", STRONG));
            assertNotNull(passwordSignIn("kim", "N3w-Passw0rd!").authenticationResult());

            UserNotFoundException nobody = assertThrows(UserNotFoundException.class,
                    () -> sdk.forgotPassword(r -> r.clientId(clientId).username("nobody")));
            assertEquals("Username/client id combination not found.", nobody.awsErrorDetails().errorMessage());
        }

        @Test
        void changePasswordProvesTheOldOne() {
            confirmedUser("lea", "lea@example.com");
            String access = passwordSignIn("lea", STRONG).authenticationResult().accessToken();
            assertThrows(NotAuthorizedException.class, () -> sdk.changePassword(r -> r.accessToken(access)
                    .previousPassword("Wr0ng-Passw0rd!").proposedPassword("N3w-Passw0rd!")));
            assertThrows(InvalidPasswordException.class, () -> sdk.changePassword(r -> r.accessToken(access)
                    .previousPassword(STRONG).proposedPassword("weak")));
            sdk.changePassword(r -> r.accessToken(access).previousPassword(STRONG).proposedPassword("N3w-Passw0rd!"));
            assertNotNull(passwordSignIn("lea", "N3w-Passw0rd!").authenticationResult());
            assertEquals("lea", sdk.getUser(r -> r.accessToken(access)).username(), "GetUser finds the created pool by the token");
        }
    }

    @Nested
    class GroupsAndAdminSignIn {
        @Test
        void groupsShowInAdminListGroupsForUserAndInBothTokens() throws IOException {
            confirmedUser("max", "max@example.com");
            var group = sdk.createGroup(r -> r.userPoolId(poolId).groupName("admins").description("the admins").precedence(1)).group();
            assertEquals("admins", group.groupName());
            assertEquals(poolId, group.userPoolId());
            assertThrows(GroupExistsException.class,
                    () -> sdk.createGroup(r -> r.userPoolId(poolId).groupName("admins")));
            sdk.createGroup(r -> r.userPoolId(poolId).groupName("readers"));
            assertEquals(List.of(), sdk.adminListGroupsForUser(r -> r.userPoolId(poolId).username("max")).groups());
            sdk.adminAddUserToGroup(r -> r.userPoolId(poolId).username("max").groupName("admins"));
            sdk.adminAddUserToGroup(r -> r.userPoolId(poolId).username("max").groupName("readers"));
            assertEquals(List.of("admins", "readers"), sdk.adminListGroupsForUser(r -> r.userPoolId(poolId).username("max"))
                    .groups().stream().map(g -> g.groupName()).toList());
            assertThrows(ResourceNotFoundException.class,
                    () -> sdk.adminAddUserToGroup(r -> r.userPoolId(poolId).username("max").groupName("nosuch")));

            AuthenticationResultType tokens = passwordSignIn("max", STRONG).authenticationResult();
            assertEquals("[\"admins\",\"readers\"]", claims(tokens.idToken()).get("cognito:groups").toString());
            assertEquals("[\"admins\",\"readers\"]", claims(tokens.accessToken()).get("cognito:groups").toString());
            sdk.adminRemoveUserFromGroup(r -> r.userPoolId(poolId).username("max").groupName("admins"));
            assertEquals("[\"readers\"]",
                    claims(passwordSignIn("max", STRONG).authenticationResult().idToken()).get("cognito:groups").toString());
        }

        @Test
        void adminInitiateAuthAndAdminRespondToAuthChallenge() {
            String adminClient = sdk.createUserPoolClient(r -> r.userPoolId(poolId).clientName("server")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)).userPoolClient().clientId();
            sdk.adminCreateUser(r -> r.userPoolId(poolId).username("ned").temporaryPassword(STRONG)
                    .messageAction(MessageActionType.SUPPRESS));
            var challenge = sdk.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(adminClient)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "ned", "PASSWORD", STRONG)));
            assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
            var done = sdk.adminRespondToAuthChallenge(r -> r.userPoolId(poolId).clientId(adminClient)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                    .challengeResponses(Map.of("USERNAME", "ned", "NEW_PASSWORD", "N3w-Passw0rd!")));
            assertNotNull(done.authenticationResult().idToken());
            assertThrows(NotAuthorizedException.class, () -> sdk.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(adminClient)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "ned", "PASSWORD", STRONG))));
            assertThrows(InvalidParameterException.class, () -> sdk.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "ned", "PASSWORD", "N3w-Passw0rd!"))), "the client does not allow it");
        }

        @Test
        void theNewPasswordOfNewPasswordRequiredMeetsThePoolsPolicy() {
            sdk.adminCreateUser(r -> r.userPoolId(poolId).username("uma").temporaryPassword(STRONG)
                    .messageAction(MessageActionType.SUPPRESS));
            InitiateAuthResponse challenge = passwordSignIn("uma", STRONG);
            InvalidPasswordException weak = assertThrows(InvalidPasswordException.class, () -> sdk.respondToAuthChallenge(r -> r
                    .clientId(clientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                    .challengeResponses(Map.of("USERNAME", "uma", "NEW_PASSWORD", "alllowercase1!"))));
            assertEquals("Password did not conform with policy: Password must have uppercase characters",
                    weak.awsErrorDetails().errorMessage());
        }

        @Test
        void aSignedInUserUpdatesAndVerifiesTheirEmail() {
            confirmedUser("oli", "oli@example.com");
            String access = passwordSignIn("oli", STRONG).authenticationResult().accessToken();
            var sent = sdk.updateUserAttributes(r -> r.accessToken(access).userAttributes(attribute("email", "oli@new.example.com")))
                    .codeDeliveryDetailsList();
            assertEquals("o***@n***", sent.get(0).destination());
            assertTrue(sdk.getUser(r -> r.accessToken(access)).userAttributes().contains(attribute("email_verified", "false")));
            assertThrows(CodeMismatchException.class, () -> sdk.verifyUserAttribute(r -> r.accessToken(access)
                    .attributeName("email").code(otherThan(code("oli")))));
            sdk.verifyUserAttribute(r -> r.accessToken(access).attributeName("email").code(code("oli")));
            assertTrue(sdk.getUser(r -> r.accessToken(access)).userAttributes().contains(attribute("email_verified", "true")));
        }
    }

    @Nested
    class MoreAdministration {
        @Test
        void clientsAreListedByName() {
            sdk.createUserPoolClient(r -> r.userPoolId(poolId).clientName("second"));
            assertEquals(List.of("app", "second"), sdk.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(60))
                    .userPoolClients().stream().map(c -> c.clientName()).sorted().toList());
        }

        @Test
        void anAdministratorsResetForcesANewPasswordWithTheCode() {
            confirmedUser("pam", "pam@example.com");
            sdk.adminResetUserPassword(r -> r.userPoolId(poolId).username("pam"));
            assertEquals(UserStatusType.RESET_REQUIRED, sdk.adminGetUser(r -> r.userPoolId(poolId).username("pam")).userStatus());
            assertThrows(PasswordResetRequiredException.class,
                    () -> passwordSignIn("pam", STRONG));
            sdk.confirmForgotPassword(r -> r.clientId(clientId).username("pam").confirmationCode(code("pam"))
                    .password("N3w-Passw0rd!"));
            assertNotNull(passwordSignIn("pam", "N3w-Passw0rd!").authenticationResult());
        }

        @Test
        void attributesAreDeletedButNotSub() {
            confirmedUser("quin", "quin@example.com");
            sdk.adminDeleteUserAttributes(r -> r.userPoolId(poolId).username("quin").userAttributeNames("email"));
            assertFalse(sdk.adminGetUser(r -> r.userPoolId(poolId).username("quin")).userAttributes().stream()
                    .anyMatch(a -> a.name().equals("email")));
            assertThrows(InvalidParameterException.class, () -> sdk.adminDeleteUserAttributes(r -> r.userPoolId(poolId)
                    .username("quin").userAttributeNames("sub")));
        }

        @Test
        void controlCharactersInAttributesAreRefused() {
            InvalidParameterException refused = assertThrows(InvalidParameterException.class, () -> sdk.signUp(r -> r
                    .clientId(clientId).username("rex").password(STRONG)
                    .userAttributes(attribute("email", "\u001b]0;PWNED\u0007@example.com"))));
            assertEquals("The value of email contains control characters.", refused.awsErrorDetails().errorMessage());
            assertThrows(InvalidParameterException.class, () -> sdk.adminCreateUser(r -> r.userPoolId(poolId)
                    .username("rex\u001b[2J").messageAction(MessageActionType.SUPPRESS)));
        }

        @Test
        void whatACallerStoresIsCapped() {
            AttributeType[] large = new AttributeType[5];
            for (int i = 0; i < large.length; i++) {
                large[i] = attribute("custom:a" + i, "x".repeat(2000));
            }
            InvalidParameterException attributes = assertThrows(InvalidParameterException.class, () -> sdk.adminCreateUser(r -> r
                    .userPoolId(poolId).username("big").userAttributes(large).messageAction(MessageActionType.SUPPRESS)));
            assertTrue(attributes.awsErrorDetails().errorMessage().contains("8192"), attributes.getMessage());
            InvalidParameterException value = assertThrows(InvalidParameterException.class, () -> sdk.adminCreateUser(r -> r
                    .userPoolId(poolId).username("big").userAttributes(attribute("name", "x".repeat(2049)))
                    .messageAction(MessageActionType.SUPPRESS)));
            assertTrue(value.awsErrorDetails().errorMessage().contains("2048"), value.getMessage());
            List<String> urls = IntStream.range(0, 20).mapToObj(i -> "http://localhost/" + "p".repeat(1000) + i).toList();
            assertThrows(InvalidParameterException.class, () -> sdk.createUserPoolClient(r -> r.userPoolId(poolId)
                    .clientName("huge").callbackURLs(urls)));
            assertThrows(InvalidParameterException.class, () -> sdk.createUserPool(r -> r.poolName("huge")
                    .userPoolTags(Map.of("t", "v".repeat(20_000)))));
        }

        @Test
        void groupsAreReadListedAndDeleted() throws IOException {
            confirmedUser("sam", "sam@example.com");
            sdk.createGroup(r -> r.userPoolId(poolId).groupName("ops").description("on call"));
            sdk.adminAddUserToGroup(r -> r.userPoolId(poolId).username("sam").groupName("ops"));
            assertEquals("on call", sdk.getGroup(r -> r.userPoolId(poolId).groupName("ops")).group().description());
            assertEquals(List.of("ops"), sdk.listGroups(r -> r.userPoolId(poolId)).groups().stream().map(g -> g.groupName()).toList());
            sdk.deleteGroup(r -> r.userPoolId(poolId).groupName("ops"));
            assertThrows(ResourceNotFoundException.class, () -> sdk.getGroup(r -> r.userPoolId(poolId).groupName("ops")));
            assertNull(claims(passwordSignIn("sam", STRONG).authenticationResult().idToken()).get("cognito:groups"));
        }
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private SignUpResponse signUp(String username, String password) {
        return sdk.signUp(r -> r.clientId(clientId).username(username).password(password)
                .userAttributes(attribute("email", username + "@example.com")));
    }

    private void confirmedUser(String username, String email) {
        sdk.adminCreateUser(r -> r.userPoolId(poolId).username(username).userAttributes(attribute("email", email))
                .messageAction(MessageActionType.SUPPRESS));
        sdk.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(STRONG).permanent(true));
    }

    private InitiateAuthResponse passwordSignIn(String username, String password) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static List<String> usernames(ListUsersResponse response) {
        return response.users().stream().map(UserType::username).toList();
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private String code(String username) {
        JsonNode message = lastMessage(username);
        assertNotNull(message, "no message for " + username);
        return message.get("code").asText();
    }

    /** The newest outbox message for {@code username}, or null. */
    private JsonNode lastMessage(String username) {
        try (Stream<Path> files = Files.list(outboxDirectory)) {
            JsonNode last = null;
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode message = JSON.readTree(file.toFile());
                if (message.get("username").asText().equals(username)) {
                    last = message;
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
