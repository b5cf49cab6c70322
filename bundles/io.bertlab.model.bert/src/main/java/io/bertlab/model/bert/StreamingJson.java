package io.bertlab.model.bert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What the readers of {@code config.json} and safetensors headers share: Jackson's streaming parser, whose
 * data-binding layer would cost a cold JVM a tenth of a second at every start that lists a model, and one rule for
 * turning a scalar token into a Java value.
 */
final class StreamingJson {

    static final JsonFactory FACTORY = new JsonFactory();

    private StreamingJson() {
    }

    /**
     * The scalar the parser is on.
     *
     * @param parser the parser
     * @param token its current token, a scalar one
     * @return a {@code String}; an {@code Integer}, {@code Long} or {@code BigInteger} for an integral number (the
     *         smallest that holds it), a {@code Double} otherwise; a {@code Boolean}; or {@code null}
     * @throws IOException when the parser cannot read the value
     */
    static Object scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
