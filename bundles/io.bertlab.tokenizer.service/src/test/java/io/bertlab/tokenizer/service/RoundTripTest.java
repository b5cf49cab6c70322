package io.bertlab.tokenizer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a decoded text lost, told apart: spacing, case, accents, or more. */
class RoundTripTest {

    @Test
    void tellsWhatWasLost() {
        assertEquals(RoundTrip.EXACT, RoundTrip.of("Quero um cartão", "Quero um cartão"));
        assertEquals(RoundTrip.SPACING_DIFFERS, RoundTrip.of("Olá (teste)", "Olá ( teste )"));
        assertEquals(RoundTrip.CASE_LOST, RoundTrip.of("Hello World", "hello world"));
        assertEquals(RoundTrip.ACCENTS_LOST, RoundTrip.of("Cartão", "Cartao"));
        assertEquals(RoundTrip.CASE_AND_ACCENTS_LOST, RoundTrip.of("Quero um cartão", "quero um cartao"));
        assertEquals(RoundTrip.DIFFERS, RoundTrip.of("Obrigado 🙂", "Obrigado"));
    }
}
