package io.bertlab.model.bert.tensorflow;

import io.bertlab.api.model.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads a whole sorted string table as TensorFlow writes it for a tensor bundle's {@code .index} (LevelDB's table
 * format, {@code tensorflow/core/lib/io/table}): data blocks of prefix-compressed keys with restart points, an index
 * block pointing at them, and a 48-byte footer with the index's handle and a magic number. Every block's masked
 * CRC32C is checked, so a corrupt index fails here rather than as a confusing tensor entry.
 */
final class SortedTable {

    /** {@code kTableMagicNumber}, stored little-endian in the footer's last 8 bytes. */
    static final long MAGIC = 0xdb4775248b80fb57L;
    /** Two block handles of at most 20 bytes each (varint64 offset and size), padded, then the magic. */
    static final int FOOTER_LENGTH = 48;
    /** After each block: a compression type byte and the masked CRC32C of the block and that byte. */
    private static final int BLOCK_TRAILER = 5;
    private static final int NO_COMPRESSION = 0;
    private static final int SNAPPY_COMPRESSION = 1;
    private static final int MASK_DELTA = 0xa282ead8;

    private SortedTable() {
    }

    /**
     * Reads every key and value.
     *
     * @param file the table
     * @return key (UTF-8) to value, in key order
     * @throws CheckpointException when the file is truncated, corrupt or uses a compression this reader lacks
     * @throws IOException when the file cannot be read
     */
    static Map<String, ByteBuffer> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        }
        ByteBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < FOOTER_LENGTH) {
            throw new CheckpointException(file, null, "only " + bytes.length + " bytes, shorter than the "
                    + FOOTER_LENGTH + "-byte table footer: truncated, or not a TensorFlow index");
        }
        long magic = all.getLong(bytes.length - 8);
        if (magic != MAGIC) {
            throw new CheckpointException(file, null, "no table magic number at the end (found 0x"
                    + Long.toHexString(magic) + ", expected 0x" + Long.toHexString(MAGIC)
                    + "): truncated, or not a TensorFlow tensor bundle index");
        }
        ByteBuffer footer = slice(all, bytes.length - FOOTER_LENGTH, FOOTER_LENGTH);
        Handle metaindex = Handle.decode(footer, file);
        Handle index = Handle.decode(footer, file);
        if (metaindex.size < 0) {
            throw new CheckpointException(file, null, "corrupt footer: negative metaindex size");
        }
        Map<String, ByteBuffer> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ByteBuffer> block : entries(block(all, index, file, "index block"), file).entrySet()) {
            Handle data = Handle.decode(block.getValue(), file);
            entries.putAll(entries(block(all, data, file, "data block before key '" + block.getKey() + "'"), file));
        }
        return entries;
    }

    /** Where a block lies in the file. */
    private record Handle(long offset, long size) {

        static Handle decode(ByteBuffer in, Path file) throws CheckpointException {
            return new Handle(varint(in, file), varint(in, file));
        }
    }

    private static ByteBuffer block(ByteBuffer all, Handle handle, Path file, String what) throws CheckpointException {
        long end = handle.offset + handle.size + BLOCK_TRAILER;
        if (handle.offset < 0 || handle.size < 0 || end > all.capacity() - FOOTER_LENGTH) {
            throw new CheckpointException(file, null, what + " at byte " + handle.offset + " (" + handle.size
                    + " bytes) runs past the end of the " + all.capacity() + "-byte file: truncated or corrupt");
        }
        int offset = (int) handle.offset;
        int size = (int) handle.size;
        CRC32C crc = new CRC32C();
        crc.update(all.array(), offset, size + 1);
        int stored = unmask(all.getInt(offset + size + 1));
        if ((int) crc.getValue() != stored) {
            throw new CheckpointException(file, null, what + " at byte " + offset + ": CRC32C mismatch (stored 0x"
                    + Integer.toHexString(stored) + ", computed 0x" + Integer.toHexString((int) crc.getValue())
                    + "): corrupt");
        }
        int type = all.get(offset + size);
        if (type == SNAPPY_COMPRESSION) {
            throw new CheckpointException(file, null, what + " is Snappy-compressed, which this reader does not"
                    + " support (TensorFlow writes tensor bundle indexes uncompressed; re-save the checkpoint)");
        }
        if (type != NO_COMPRESSION) {
            throw new CheckpointException(file, null, what + " has unknown compression type " + type + ": corrupt");
        }
        return slice(all, offset, size);
    }

    /** The entries of one block: each key shares a prefix with the previous one; restart points end the block. */
    private static Map<String, ByteBuffer> entries(ByteBuffer block, Path file) throws CheckpointException {
        if (block.capacity() < 4) {
            throw new CheckpointException(file, null, "block of " + block.capacity() + " bytes has no restart count:"
                    + " corrupt");
        }
        long restarts = Integer.toUnsignedLong(block.getInt(block.capacity() - 4));
        long limit = block.capacity() - 4 - 4 * restarts;
        if (restarts == 0 || limit < 0) {
            throw new CheckpointException(file, null, "block with " + restarts + " restart points in "
                    + block.capacity() + " bytes: corrupt");
        }
        Map<String, ByteBuffer> entries = new LinkedHashMap<>();
        byte[] key = new byte[0];
        ByteBuffer in = slice(block, 0, (int) limit);
        while (in.hasRemaining()) {
            long shared = varint(in, file);
            long unshared = varint(in, file);
            long valueLength = varint(in, file);
            if (shared > key.length || unshared + valueLength > in.remaining()) {
                throw new CheckpointException(file, null, "block entry after key '"
                        + new String(key, StandardCharsets.UTF_8) + "' runs past its block: corrupt");
            }
            byte[] next = new byte[(int) (shared + unshared)];
            System.arraycopy(key, 0, next, 0, (int) shared);
            in.get(next, (int) shared, (int) unshared);
            key = next;
            entries.put(new String(key, StandardCharsets.UTF_8), slice(in, in.position(), (int) valueLength));
            in.position(in.position() + (int) valueLength);
        }
        return entries;
    }

    /** LevelDB stores CRCs rotated and offset, so that a CRC of data that contains CRCs stays well mixed. */
    static int unmask(int masked) {
        int rotated = masked - MASK_DELTA;
        return (rotated >>> 17) | (rotated << 15);
    }

    /**
     * The inverse of {@link #unmask(int)}.
     *
     * @param crc a CRC32C
     * @return the value stored in tables and bundle entries
     */
    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    private static long varint(ByteBuffer in, Path file) throws CheckpointException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw new CheckpointException(file, null, "varint runs past the end of its block: corrupt");
            }
            byte b = in.get();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new CheckpointException(file, null, "varint longer than 10 bytes: corrupt");
    }

    private static ByteBuffer slice(ByteBuffer buffer, int offset, int length) {
        return buffer.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
