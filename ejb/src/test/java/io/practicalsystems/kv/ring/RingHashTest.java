package io.practicalsystems.kv.ring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RingHashTest {

    @Test
    void isTheFirstEightBytesOfMd5BigEndian() {
        // MD5("") = d41d8cd98f00b204 e9800998ecf8427e; MD5("abc") = 900150983cd24fb0 d6963f7d28e17f72
        assertThat(RingHash.of(new byte[0])).isEqualTo(0xd41d8cd98f00b204L);
        assertThat(RingHash.of("abc")).isEqualTo(0x900150983cd24fb0L);
    }

    @Test
    void vnodeTokensHashNodeHashIndex() {
        assertThat(RingHash.vnodeToken(NodeId.of("kv-1"), 7)).isEqualTo(RingHash.of("kv-1#7"));
    }
}
