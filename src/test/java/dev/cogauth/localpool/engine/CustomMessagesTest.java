package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which messages Cognito sends as written, and how the placeholders are filled. */
class CustomMessagesTest {

    @ParameterizedTest(name = "[{index}] {0} (invitation: {1})")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            Your code is {####}                  | false | NONE
            Your code is {####}                  | true  | lacks the username placeholder {username}
            {username}: {####}                   | true  | NONE
            Welcome!                             | false | lacks the code placeholder {####}
            Welcome {username}!                  | true  | lacks the code placeholder {####}
            Your code is {###}                   | false | lacks the code placeholder {####}
            """)
    void aMessageMustCarryItsPlaceholders(String message, boolean invitation, String refusal) {
        assertEquals(refusal, CustomMessages.refusal(message, invitation));
    }

    @org.junit.jupiter.api.Test
    void anOverlongMessageIsNotSent() {
        String longest = "{####}" + "x".repeat(CustomMessages.MAX_MESSAGE - 6);
        assertEquals(null, CustomMessages.refusal(longest, false));
        assertEquals("is longer than 20000 characters", CustomMessages.refusal(longest + "x", false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            Code {####}, again {####}        | 123456   | NONE   | Code 123456, again 123456
            Hi {username}, code {####}       | Pa{####} | ann    | Hi ann, code Pa{####}
            Hi {username}, code {####}       | 123456   | {####} | Hi {####}, code 123456
            Hi {username}, code {####}       | 123456   | NONE   | Hi {username}, code 123456
            {#### } and {{####}}             | 1        | NONE   | {#### } and {1}
            """)
    void placeholdersAreFilledOnceEach(String message, String code, String username, String expected) {
        assertEquals(expected, CustomMessages.fill(message, code, username));
    }
}
