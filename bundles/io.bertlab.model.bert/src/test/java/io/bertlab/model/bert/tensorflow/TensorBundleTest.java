package io.bertlab.model.bert.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tensor bundle reader on Google's real BERT-base (uncased) SavedModel, and on corrupted copies of it written to
 * {@code target/tensorflow-corrupt}: every failure must name the file and, where one tensor is at fault, the tensor.
 */
class TensorBundleTest {

    /** BERT-base's encoder and pooler (109,482,240) plus the MLM head (transform 590,592 + LayerNorm 1,536 + bias
     * 30,522), 4 bytes each: the size of variables.data-00000-of-00001. */
    private static final long UNCASED_FLOATS = 110_104_890L;
    private static final Path CORRUPT = Path.of("target", "tensorflow-corrupt");

    static Path savedModel;
    static TensorBundle bundle;

    @BeforeAll
    static void open() throws IOException {
        savedModel = EasyBertModels.savedModel(EasyBertModels.UNCASED);
        bundle = TensorBundle.open(TensorBundle.findPrefix(savedModel));
        EasyBertModels.deleteTree(CORRUPT);
        Files.createDirectories(CORRUPT);
    }

    @Test
    void readsEveryTensorOfTheRealSavedModelWithValidChecksums() throws IOException {
        assertEquals(1, bundle.numShards());
        // 5 embedding tensors, 16 per layer x 12, 2 pooler, 5 MLM head
        assertEquals(5 + 16 * 12 + 2 + 5, bundle.entries().size());
        long floats = 0;
        for (TensorBundle.Entry entry : bundle.entries().values()) {
            Weight weight = bundle.readFloats(entry.name());
            assertEquals(entry.elementCount(), weight.values().length, entry.name());
            floats += weight.values().length;
        }
        assertEquals(UNCASED_FLOATS, floats);
        assertEquals(UNCASED_FLOATS * 4, Files.size(bundle.shardFile(0)));
        TensorBundle.Entry word = bundle.entries().get("module/bert/embeddings/word_embeddings");
        assertArrayEquals(new long[] {30522, 768}, word.shape());
        assertEquals(1, word.dtype(), "DT_FLOAT");
    }

    @Test
    void findsTheBundleFromADirectoryAnIndexFileOrAPrefix() throws IOException {
        Path prefix = savedModel.resolve("variables").resolve("variables");
        assertEquals(prefix, TensorBundle.findPrefix(savedModel));
        assertEquals(prefix, TensorBundle.findPrefix(savedModel.resolve("variables")));
        assertEquals(prefix, TensorBundle.findPrefix(savedModel.resolve("variables").resolve("variables.index")));
        assertEquals(prefix, TensorBundle.findPrefix(prefix));
    }

    @Test
    void truncatedIndexIsReportedWithTheFile() throws IOException {
        Path prefix = CORRUPT.resolve("truncated-index").resolve("variables");
        Files.createDirectories(prefix.getParent());
        byte[] index = Files.readAllBytes(index(bundle.prefix()));
        for (int length : new int[] {0, 20, index.length / 2, index.length - 1}) {
            Files.write(index(prefix), java.util.Arrays.copyOf(index, length));
            CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundle.open(prefix));
            assertEquals(index(prefix), e.file(), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void flippedByteInTheIndexFailsItsBlockChecksum() throws IOException {
        Path prefix = CORRUPT.resolve("flipped-index").resolve("variables");
        Files.createDirectories(prefix.getParent());
        byte[] index = Files.readAllBytes(index(bundle.prefix()));
        index[100] ^= 0x01;
        Files.write(index(prefix), index);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundle.open(prefix));
        assertEquals(index(prefix), e.file());
        assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
    }

    @Test
    void truncatedDataShardNamesTheShardAndTheTensor() throws IOException {
        TensorBundle.Entry first = firstInShard();
        Path prefix = copyWithShardPrefix("truncated-shard", first.offset() + first.size() - 1);
        TensorBundle copy = TensorBundle.open(prefix);
        CheckpointException e = assertThrows(CheckpointException.class, () -> copy.readFloats(first.name()));
        assertEquals(copy.shardFile(0), e.file());
        assertEquals(first.name(), e.tensor());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void flippedByteInTheDataFailsTheTensorChecksum() throws IOException {
        TensorBundle.Entry first = firstInShard();
        Path prefix = copyWithShardPrefix("flipped-data", first.offset() + first.size());
        Path shard = shard(prefix);
        byte[] data = Files.readAllBytes(shard);
        data[(int) (first.offset() + first.size() / 2)] ^= 0x10;
        Files.write(shard, data);
        TensorBundle copy = TensorBundle.open(prefix);
        CheckpointException e = assertThrows(CheckpointException.class, () -> copy.readFloats(first.name()));
        assertEquals(shard, e.file());
        assertEquals(first.name(), e.tensor());
        assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
    }

    @Test
    void missingDataShardNamesTheShardAndTheTensor() throws IOException {
        Path prefix = CORRUPT.resolve("missing-shard").resolve("variables");
        Files.createDirectories(prefix.getParent());
        Files.copy(index(bundle.prefix()), index(prefix));
        TensorBundle copy = TensorBundle.open(prefix);
        String name = "module/bert/pooler/dense/kernel";
        CheckpointException e = assertThrows(CheckpointException.class, () -> copy.readFloats(name));
        assertEquals(shard(prefix), e.file());
        assertEquals(name, e.tensor());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void maskedCrcRoundTripsAsLevelDbDefinesIt() {
        // LevelDB's own test vector: the mask of 0 is kMaskDelta itself
        assertEquals(0xa282ead8, SortedTable.mask(0));
        for (int crc : new int[] {0, 1, 0x12345678, 0xffffffff, 0x80000000}) {
            assertEquals(crc, SortedTable.unmask(SortedTable.mask(crc)));
        }
    }

    private static TensorBundle.Entry firstInShard() {
        return bundle.entries().values().stream().min(Comparator.comparingLong(TensorBundle.Entry::offset))
                .orElseThrow();
    }

    /** The real index with the first {@code bytes} bytes of the real shard: small copies, fast tests. */
    private static Path copyWithShardPrefix(String name, long bytes) throws IOException {
        Path prefix = CORRUPT.resolve(name).resolve("variables");
        Files.createDirectories(prefix.getParent());
        Files.copy(index(bundle.prefix()), index(prefix));
        try (InputStream in = Files.newInputStream(bundle.shardFile(0));
                OutputStream out = Files.newOutputStream(shard(prefix))) {
            byte[] buffer = new byte[1 << 16];
            long left = bytes;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        return prefix;
    }

    private static Path index(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".index");
    }

    private static Path shard(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".data-00000-of-00001");
    }
}
