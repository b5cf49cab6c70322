package io.bertlab.tokenizer.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counts remembered per id stay those of the very string they were counted in. */
class TokenSpacesTest {

    private static final String SPACE = "\u0120";

    @Test
    void aRememberedTokenGivesItsOwnCounts() {
        TokenSpaces spaces = new TokenSpaces();
        String token = SPACE + "the" + SPACE + SPACE;
        for (int round = 0; round < 2; round++) {
            long counted = spaces.spaces(7, token);
            assertEquals(1, TokenSpaces.leading(counted));
            assertEquals(2, TokenSpaces.trailing(counted));
        }
    }

    @Test
    void anotherStringWithTheSameIdIsCountedItself() {
        TokenSpaces spaces = new TokenSpaces();
        spaces.spaces(3, SPACE + "word");
        // The unknown token keeping the word's text, or an added token sharing a vocabulary id.
        long other = spaces.spaces(3, new String("  word "));
        assertEquals(2, TokenSpaces.leading(other));
        assertEquals(1, TokenSpaces.trailing(other));
        long first = spaces.spaces(3, SPACE + "word");
        assertEquals(1, TokenSpaces.leading(first));
        assertEquals(0, TokenSpaces.trailing(first));
    }

    @Test
    void countsTooLargeForASlotAndIdsOfNoVocabularyAreCountedEachTime() {
        TokenSpaces spaces = new TokenSpaces();
        String manySpaces = SPACE.repeat(9) + "x" + SPACE.repeat(8);
        for (int round = 0; round < 2; round++) {
            long counted = spaces.spaces(40_000, manySpaces);
            assertEquals(9, TokenSpaces.leading(counted));
            assertEquals(8, TokenSpaces.trailing(counted));
        }
        assertEquals(1, TokenSpaces.leading(spaces.spaces(-1, SPACE + "x")));
        assertEquals(0, TokenSpaces.leading(spaces.spaces(5, "x" + SPACE)));
        assertEquals(1, TokenSpaces.trailing(spaces.spaces(5, "x" + SPACE)));
    }
}
