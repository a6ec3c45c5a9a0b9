package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory LRU on its own: eviction order and byte accounting. */
class ImageCacheMemoryTest {
    private static RenditionKey key(String image) {
        return new RenditionKey("p", image, 1, 64);
    }

    private static Rendition sized(int bytes) {
        return new Rendition(new byte[bytes], 1, 1, 1, 1);
    }

    @Test
    void evictsTheLeastRecentlyUsedFirst() {
        RenditionMemory memory = new RenditionMemory(300);
        memory.put(key("a"), sized(100));
        memory.put(key("b"), sized(100));
        memory.put(key("c"), sized(100));
        memory.get(key("a")); // a is now more recent than b

        memory.put(key("d"), sized(100));

        assertThat(memory.get(key("b"))).isNull();
        assertThat(memory.get(key("a"))).isNotNull();
        assertThat(memory.get(key("c"))).isNotNull();
        assertThat(memory.get(key("d"))).isNotNull();
        assertThat(memory.bytes()).isEqualTo(300);
    }

    @Test
    void oneLargeEntryEvictsSeveralAndTooLargeIsNotKept() {
        RenditionMemory memory = new RenditionMemory(300);
        memory.put(key("a"), sized(100));
        memory.put(key("b"), sized(100));
        memory.put(key("c"), sized(250));
        assertThat(memory.size()).isEqualTo(1);
        assertThat(memory.bytes()).isEqualTo(250);

        memory.put(key("huge"), sized(301));
        assertThat(memory.get(key("huge"))).isNull();
        assertThat(memory.bytes()).isEqualTo(250);
    }

    @Test
    void replacingAKeyCountsOnlyTheNewSize() {
        RenditionMemory memory = new RenditionMemory(1000);
        memory.put(key("a"), sized(100));
        memory.put(key("a"), sized(40));
        assertThat(memory.bytes()).isEqualTo(40);
        memory.removeIf(k -> k.imageKey().equals("a"));
        assertThat(memory.bytes()).isZero();
    }

    @Test
    void renditionBytesCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2, 3};
        Rendition r = new Rendition(bytes, 1, 1, 1, 1);
        bytes[0] = 9;
        r.bytes()[1] = 9;
        assertThat(r.bytes()).containsExactly(1, 2, 3);
    }
}
