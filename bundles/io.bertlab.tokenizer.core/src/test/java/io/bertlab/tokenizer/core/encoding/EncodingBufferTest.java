package io.bertlab.tokenizer.core.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.Encoding;
import org.junit.jupiter.api.Test;

/** Room in front changes nothing but where the tokens lie: each operation gives what it gives without it. */
class EncodingBufferTest {

    private static EncodingBuffer tokens(int front, int capacity, int count) {
        EncodingBuffer buffer = new EncodingBuffer(capacity, front);
        for (int i = 0; i < count; i++) {
            buffer.add(10 + i, "t" + i, 0, i, i + 1, i, 0, 0);
        }
        return buffer;
    }

    @Test
    void addFirstUsesTheRoomInFrontOrMovesTheTokens() {
        for (int front : new int[] {0, 1, 3}) {
            for (int capacity : new int[] {1, 5, 40}) {
                EncodingBuffer buffer = tokens(front, capacity, 5);
                buffer.addFirst(0, "<s>", 0, 0, 0, -1, 1, -1);
                buffer.addFirst(1, "<t>", 0, 0, 0, -1, 1, -1);
                buffer.add(2, "</s>", 0, 0, 0, -1, 1, -1);
                Encoding e = buffer.toEncoding();
                String label = "front " + front + ", capacity " + capacity;
                assertArrayEquals(new int[] {1, 0, 10, 11, 12, 13, 14, 2}, e.ids(), label);
                assertArrayEquals(new String[] {"<t>", "<s>", "t0", "t1", "t2", "t3", "t4", "</s>"}, e.tokens(), label);
                assertArrayEquals(new int[] {1, 1, 0, 0, 0, 0, 0, 1}, e.specialTokensMask(), label);
                assertArrayEquals(new int[] {-1, -1, 0, 1, 2, 3, 4, -1}, e.wordIds(), label);
                assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3, 4, 0}, e.offsetStarts(), label);
                assertEquals(8, buffer.length());
                assertEquals(10, buffer.id(2));
                assertEquals("t4", buffer.token(6));
            }
        }
    }

    @Test
    void truncationPaddingAndMergingIgnoreTheRoomInFront() {
        for (Direction direction : Direction.values()) {
            Encoding expected = null;
            for (int front : new int[] {0, 1, 2}) {
                EncodingBuffer buffer = tokens(front, 3, 9);
                buffer.setOffsets(1, 7, 8);
                buffer.setTypeIds(1);
                buffer.truncate(4, 1, direction);
                buffer.addFirst(0, "<s>", 0, 0, 0, -1, 1, -1);
                buffer.overflowing().forEach(part -> part.addFirst(0, "<s>", 0, 0, 0, -1, 1, -1));
                EncodingBuffer pair = tokens(front, 2, 3);
                pair.setSequenceId(1);
                buffer.mergeWith(pair);
                buffer.pad(12, 5, 0, "<pad>", direction);
                Encoding e = buffer.toEncoding();
                if (expected == null) {
                    expected = e;
                    assertEquals(12, e.length());
                    assertEquals(2, e.overflowing().size()); // 9 tokens by 4 with a stride of 1: 3 parts
                } else {
                    assertEquals(expected, e, direction + ", front " + front);
                }
            }
        }
    }
}
