package com.orderhub.db;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Hub ids: UUID version 7 (RFC 9562), time-ordered so they index well and sort in creation
 * order. Within one millisecond a counter in the 12 {@code rand_a} bits keeps them increasing.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int sequence;

    private Ids() {
    }

    public static synchronized String next() {
        long millis = System.currentTimeMillis();
        if (millis <= lastMillis) {
            millis = lastMillis;
            if (++sequence > 0xFFF) {
                millis++;
                sequence = RANDOM.nextInt(0x800);
            }
        } else {
            sequence = RANDOM.nextInt(0x800);
        }
        lastMillis = millis;
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
