package io.bertlab.model.bert.tensorflow;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.model.bert.DType;
import io.bertlab.model.bert.Weight;
import io.bertlab.model.bert.protobuf.ProtoReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A TensorFlow tensor bundle (the checkpoint format of {@code tf.train.Saver} V2 and of a SavedModel's
 * {@code variables/}), read in pure Java: {@code PREFIX.index} lists every tensor (type, shape, shard, byte range,
 * CRC32C) and {@code PREFIX.data-0000N-of-0000M} hold the bytes. Each tensor read is checked against its CRC32C.
 */
public final class TensorBundle {

    /** The {@code DataType} numbers of TensorFlow's {@code types.proto} that hold floating-point values. */
    private static final Map<Integer, DType> FLOAT_TYPES = Map.of(1, DType.F32, 2, DType.F64, 14, DType.BF16,
            19, DType.F16);
    private static final String HEADER_KEY = "";

    private final Path prefix;
    private final Path indexFile;
    private final int numShards;
    private final Map<String, Entry> entries;

    /**
     * One tensor's entry in the index.
     *
     * @param name the variable name, e.g. {@code bert/embeddings/word_embeddings}
     * @param dtype TensorFlow's {@code DataType} number ({@code 1} is {@code DT_FLOAT})
     * @param shape the dimensions
     * @param shardId the data shard holding the bytes
     * @param offset the first byte in that shard
     * @param size the number of bytes
     * @param maskedCrc32c the masked CRC32C of those bytes, as stored
     * @param sliced whether the tensor is stored as slices of a partitioned variable
     */
    public record Entry(String name, int dtype, long[] shape, int shardId, long offset, long size, int maskedCrc32c,
            boolean sliced) {

        /**
         * Whether the elements are floating-point numbers this reader converts to floats.
         *
         * @return true for {@code DT_FLOAT}, {@code DT_DOUBLE}, {@code DT_HALF} and {@code DT_BFLOAT16}
         */
        public boolean isFloatingPoint() {
            return FLOAT_TYPES.containsKey(dtype);
        }

        /**
         * The number of elements.
         *
         * @return the product of the dimensions
         */
        public long elementCount() {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            return count;
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private TensorBundle(Path prefix, Path indexFile, int numShards, Map<String, Entry> entries) {
        this.prefix = prefix;
        this.indexFile = indexFile;
        this.numShards = numShards;
        this.entries = entries;
    }

    /**
     * Opens a bundle: reads and checks its index. Data shards are read, and must exist, only when a tensor is read.
     *
     * @param prefix the path before {@code .index}, e.g. {@code model/variables/variables} or
     *        {@code uncased_L-12_H-768_A-12/bert_model.ckpt}
     * @return the bundle
     * @throws CheckpointException when the index is missing, truncated or corrupt (naming the file, and the tensor
     *         when one entry is at fault)
     * @throws IOException when the index cannot be read
     */
    public static TensorBundle open(Path prefix) throws IOException {
        Path index = prefix.resolveSibling(prefix.getFileName() + ".index");
        Map<String, ByteBuffer> table = SortedTable.read(index);
        ByteBuffer header = table.get(HEADER_KEY);
        if (header == null) {
            throw new CheckpointException(index, null, "no bundle header (the entry under the empty key): not a"
                    + " tensor bundle index");
        }
        int numShards = parseHeader(header, index);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ByteBuffer> e : table.entrySet()) {
            if (!e.getKey().equals(HEADER_KEY)) {
                Entry entry = parseEntry(e.getKey(), e.getValue(), index);
                if (entry.shardId < 0 || entry.shardId >= numShards) {
                    throw new CheckpointException(index, entry.name, "shard " + entry.shardId + " of a bundle with "
                            + numShards + " shards: corrupt index");
                }
                entries.put(entry.name, entry);
            }
        }
        return new TensorBundle(prefix, index, numShards, Collections.unmodifiableMap(entries));
    }

    /**
     * The bundle's prefix.
     *
     * @return the path before {@code .index}
     */
    public Path prefix() {
        return prefix;
    }

    /**
     * The number of data shards.
     *
     * @return {@code M} of {@code .data-0000N-of-0000M}
     */
    public int numShards() {
        return numShards;
    }

    /**
     * Every tensor's entry, in name order.
     *
     * @return name to entry
     */
    public Map<String, Entry> entries() {
        return entries;
    }

    /**
     * The data file of one shard.
     *
     * @param shard the shard number, from 0
     * @return {@code PREFIX.data-0000N-of-0000M}
     */
    public Path shardFile(int shard) {
        return prefix.resolveSibling(String.format("%s.data-%05d-of-%05d", prefix.getFileName(), shard, numShards));
    }

    /**
     * Reads a floating-point tensor and checks its CRC32C.
     *
     * @param name the variable name
     * @return the tensor under that name, values row-major
     * @throws CheckpointException when the tensor is absent, not floating-point, sliced, or its shard is missing,
     *         truncated or corrupt (the message names the shard file and the tensor)
     * @throws IOException when the shard cannot be read
     */
    public Weight readFloats(String name) throws IOException {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new CheckpointException(indexFile, name, "no such tensor in the bundle");
        }
        DType type = FLOAT_TYPES.get(entry.dtype);
        Path shard = shardFile(entry.shardId);
        if (entry.sliced) {
            throw new CheckpointException(shard, name, "stored as slices of a partitioned variable, which this reader"
                    + " does not support");
        }
        if (type == null) {
            throw new CheckpointException(shard, name, "has TensorFlow DataType " + entry.dtype
                    + ", not a floating-point type");
        }
        long count = entry.elementCount();
        if (entry.size > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(shard, name, entry.size + " bytes: tensors of 2 GiB and more are not"
                    + " supported (a Java array cannot hold them)");
        }
        if (count * type.bytes() != entry.size) {
            throw new CheckpointException(indexFile, name, "shape " + Arrays.toString(entry.shape) + " of "
                    + type + " needs " + count * type.bytes() + " bytes, the index says " + entry.size);
        }
        int[] dims = new int[entry.shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(entry.shape[i]);
        }
        ByteBuffer bytes = readBytes(shard, entry);
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate());
        int expected = SortedTable.unmask(entry.maskedCrc32c);
        if ((int) crc.getValue() != expected) {
            throw new CheckpointException(shard, name, "CRC32C mismatch over bytes " + entry.offset + ".."
                    + (entry.offset + entry.size) + " (expected 0x" + Integer.toHexString(expected) + ", computed 0x"
                    + Integer.toHexString((int) crc.getValue()) + "): corrupt data");
        }
        return new Weight(name, dims, type.decode(bytes, (int) count));
    }

    private static ByteBuffer readBytes(Path shard, Entry entry) throws IOException {
        try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.READ)) {
            long end = entry.offset + entry.size;
            if (entry.offset < 0 || end > channel.size()) {
                throw new CheckpointException(shard, entry.name, "needs bytes " + entry.offset + ".." + end
                        + " but the shard has " + channel.size() + " bytes: truncated");
            }
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(entry.size));
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, entry.offset + bytes.position()) < 0) {
                    throw new CheckpointException(shard, entry.name, "ended early: truncated");
                }
            }
            return bytes.flip();
        } catch (NoSuchFileException e) {
            throw new CheckpointException(shard, entry.name, "missing data shard (no such file)", e);
        }
    }

    /** {@code BundleHeaderProto}: num_shards = 1, endianness = 2 (LITTLE = 0), version = 3. */
    private static int parseHeader(ByteBuffer bytes, Path index) throws CheckpointException {
        int numShards = 0;
        int endianness = 0;
        try {
            ProtoReader in = new ProtoReader(bytes);
            while (in.hasMore()) {
                switch (in.nextField()) {
                    case 1 -> numShards = (int) in.readVarint();
                    case 2 -> endianness = (int) in.readVarint();
                    default -> in.skip();
                }
            }
        } catch (ProtoReader.ProtoFormatException e) {
            throw new CheckpointException(index, null, "corrupt bundle header: " + e.getMessage(), e);
        }
        if (endianness != 0) {
            throw new CheckpointException(index, null, "written big-endian; only little-endian bundles are read");
        }
        if (numShards < 1) {
            throw new CheckpointException(index, null, "bundle header gives " + numShards + " shards: corrupt");
        }
        return numShards;
    }

    /**
     * {@code BundleEntryProto}: dtype = 1, shape = 2 ({@code TensorShapeProto}: dim = 2 with size = 1), shard_id = 3,
     * offset = 4, size = 5, crc32c = 6 (fixed32), slices = 7.
     */
    private static Entry parseEntry(String name, ByteBuffer bytes, Path index) throws CheckpointException {
        int dtype = 0;
        long[] shape = new long[0];
        int shardId = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        boolean sliced = false;
        try {
            ProtoReader in = new ProtoReader(bytes);
            while (in.hasMore()) {
                switch (in.nextField()) {
                    case 1 -> dtype = (int) in.readVarint();
                    case 2 -> shape = parseShape(in.readMessage());
                    case 3 -> shardId = (int) in.readVarint();
                    case 4 -> offset = in.readVarint();
                    case 5 -> size = in.readVarint();
                    case 6 -> crc = in.readFixed32();
                    case 7 -> {
                        sliced = true;
                        in.skip();
                    }
                    default -> in.skip();
                }
            }
        } catch (ProtoReader.ProtoFormatException e) {
            throw new CheckpointException(index, name, "corrupt index entry: " + e.getMessage(), e);
        }
        return new Entry(name, dtype, shape, shardId, offset, size, crc, sliced);
    }

    private static long[] parseShape(ProtoReader in) {
        long[] dims = new long[0];
        while (in.hasMore()) {
            if (in.nextField() == 2) {
                ProtoReader dim = in.readMessage();
                long size = 0;
                while (dim.hasMore()) {
                    if (dim.nextField() == 1) {
                        size = dim.readVarint();
                    } else {
                        dim.skip();
                    }
                }
                dims = Arrays.copyOf(dims, dims.length + 1);
                dims[dims.length - 1] = size;
            } else {
                in.skip();
            }
        }
        return dims;
    }

    /**
     * Finds the bundle in a SavedModel directory ({@code variables/variables}), a checkpoint directory holding one
     * {@code *.index} (e.g. {@code bert_model.ckpt.index}), an {@code .index} file, or a prefix.
     *
     * @param source the directory, file or prefix
     * @return the prefix
     * @throws CheckpointException when no bundle is there, or a directory holds several
     * @throws IOException when the directory cannot be listed
     */
    public static Path findPrefix(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            Path saved = source.resolve("variables").resolve("variables");
            if (Files.isRegularFile(saved.resolveSibling("variables.index"))) {
                return saved;
            }
            Path found = null;
            try (var files = Files.list(source)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    if (file.getFileName().toString().endsWith(".index")) {
                        if (found != null) {
                            throw new CheckpointException(source, null, "holds several checkpoints ("
                                    + found.getFileName() + ", " + file.getFileName() + "): name one prefix");
                        }
                        found = file;
                    }
                }
            }
            if (found == null) {
                throw new CheckpointException(source, null, "no TensorFlow checkpoint here: neither"
                        + " variables/variables.index (SavedModel) nor a *.index file (e.g. bert_model.ckpt.index)");
            }
            return withoutIndexSuffix(found);
        }
        String name = source.getFileName().toString();
        return name.endsWith(".index") ? withoutIndexSuffix(source) : source;
    }

    private static Path withoutIndexSuffix(Path index) {
        String name = index.getFileName().toString();
        return index.resolveSibling(name.substring(0, name.length() - ".index".length()));
    }
}
