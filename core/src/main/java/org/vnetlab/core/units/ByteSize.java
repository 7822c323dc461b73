package org.vnetlab.core.units;

/** A non-negative amount of memory or data, in bytes. */
public record ByteSize(long bytes) {

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative, got " + bytes + " B");
        }
    }

    public static ByteSize bytes(long bytes) {
        return new ByteSize(bytes);
    }

    public static ByteSize mebibytes(long mib) {
        return new ByteSize(mib << 20);
    }

    @Override
    public String toString() {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
