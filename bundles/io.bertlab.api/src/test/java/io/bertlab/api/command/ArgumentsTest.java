package io.bertlab.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Set<String> FLAGS = Set.of("--pair");
    private static final Set<String> VALUED = Set.of("--tokenizer", "--max-length");

    @Test
    void readsFlagsValuesInBothSpellingsRepeatsAndPositionals() throws Exception {
        Arguments arguments = Arguments.parse("tokenize", List.of("--tokenizer", "a.json", "hello",
                "--tokenizer=b.json", "--pair", "-", "--max-length=12"), FLAGS, VALUED);
        assertTrue(arguments.has("--pair"));
        assertEquals(List.of("a.json", "b.json"), arguments.values("--tokenizer"));
        assertEquals(Optional.of("b.json"), arguments.value("--tokenizer"));
        assertEquals(12, arguments.intValue("--max-length", 0));
        assertEquals(List.of("hello", "-"), arguments.positional());
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        Arguments arguments = Arguments.parse("tokenize", List.of("--pair", "--", "--tokenizer", "x"), FLAGS, VALUED);
        assertFalse(arguments.has("--tokenizer"));
        assertEquals(List.of("--tokenizer", "x"), arguments.positional());
    }

    @Test
    void absentOptionsFallBack() throws Exception {
        Arguments arguments = Arguments.parse("tokenize", List.of(), FLAGS, VALUED);
        assertEquals(7, arguments.intValue("--max-length", 7));
        assertEquals(List.of(), arguments.values("--tokenizer"));
        UsageException missing = assertThrows(UsageException.class, () -> arguments.required("--tokenizer"));
        assertEquals("tokenize: option --tokenizer is required", missing.getMessage());
    }

    @Test
    void wrongCommandLinesAreUsageErrorsNamingCommandAndOption() {
        assertEquals("tokenize: unknown option --colour",
                assertThrows(UsageException.class,
                        () -> Arguments.parse("tokenize", List.of("--colour"), FLAGS, VALUED)).getMessage());
        assertEquals("tokenize: option --tokenizer needs a value", assertThrows(UsageException.class,
                () -> Arguments.parse("tokenize", List.of("--tokenizer"), FLAGS, VALUED)).getMessage());
        assertEquals("tokenize: option --pair takes no value", assertThrows(UsageException.class,
                () -> Arguments.parse("tokenize", List.of("--pair=yes"), FLAGS, VALUED)).getMessage());
        UsageException notANumber = assertThrows(UsageException.class, () -> Arguments
                .parse("tokenize", List.of("--max-length", "ten"), FLAGS, VALUED).intValue("--max-length", 0));
        assertEquals("tokenize: option --max-length expects an integer, got 'ten'", notANumber.getMessage());
        assertEquals(UsageException.USAGE, notANumber.exitStatus());
    }

    @Test
    void aValuedOptionFollowedByAnotherOptionLacksItsValue() throws Exception {
        assertEquals("tokenize: option --max-length needs a value", assertThrows(UsageException.class,
                () -> Arguments.parse("tokenize", List.of("--max-length", "--tokenizer", "a.json"), FLAGS, VALUED))
                .getMessage());
        assertEquals("tokenize: option --max-length needs a value", assertThrows(UsageException.class,
                () -> Arguments.parse("tokenize", List.of("--max-length", "--pair"), FLAGS, VALUED)).getMessage());
        // a value that merely looks like an option is still a value
        assertEquals(Optional.of("--not-an-option"), Arguments.parse("tokenize",
                List.of("--tokenizer", "--not-an-option"), FLAGS, VALUED).value("--tokenizer"));
    }
}
