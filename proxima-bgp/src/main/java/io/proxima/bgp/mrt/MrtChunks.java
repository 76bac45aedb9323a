package io.proxima.bgp.mrt;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a decompressed MRT stream (RFC 6396) into chunks of whole records, undecoded, so that other
 * threads can format them: the reading thread only inflates and walks the record headers. The
 * stream ends where {@link MrtReader} ends it: at a truncated record or an absurd length.
 */
public final class MrtChunks {

    /** The decompressed octets a chunk aims at; a larger record gets a chunk of its own. */
    public static final int CHUNK_BYTES = 256 << 10;

    /**
     * Whole records in {@code data[0, length)}, starting at {@code offset} in the stream, and the
     * TABLE_DUMP_V2 peer table in force at the first of them (null if none yet).
     */
    public record Chunk(byte[] data, int length, long offset, MrtRecord.PeerIndexTable peers) { }

    private final InputStream in;
    private byte[] buf = new byte[CHUNK_BYTES];
    private int filled;
    private long offset;
    private boolean eof;
    private boolean done;
    private MrtRecord.PeerIndexTable peers;

    public MrtChunks(InputStream decompressed) {
        this.in = decompressed;
    }

    /** The next chunk, or null at the end of the stream. */
    public Chunk next() throws IOException {
        while (!done) {
            if (!eof) {
                int n = in.readNBytes(buf, filled, buf.length - filled);
                filled += n;
                eof = filled < buf.length;
            }
            MrtRecord.PeerIndexTable atStart = peers;
            int end = wholeRecords();
            if (end == 0) {
                if (eof) {
                    done = true; // a truncated record or an absurd length: MrtReader stops there too
                    return null;
                }
                // One record larger than the buffer: grow it (the length was checked) and read on.
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, MrtHeader.LENGTH + (int) MrtReader.u32(buf, 8)));
                continue;
            }
            byte[] next = new byte[Math.max(CHUNK_BYTES, filled - end)];
            System.arraycopy(buf, end, next, 0, filled - end);
            Chunk c = new Chunk(buf, end, offset, atStart);
            offset += end;
            buf = next;
            filled -= end;
            if (eof && filled == 0) done = true;
            return c;
        }
        return null;
    }

    /** Octets of {@link #buf} that hold whole records; remembers the peer tables among them. */
    private int wholeRecords() {
        int p = 0;
        while (filled - p >= MrtHeader.LENGTH) {
            long length = MrtReader.u32(buf, p + 8);
            if (length > MrtReader.MAX_RECORD_LENGTH) {
                eof = true;
                filled = p;
                break;
            }
            if (filled - p - MrtHeader.LENGTH < length) break;
            int type = MrtReader.u16(buf, p + 4), subtype = MrtReader.u16(buf, p + 6);
            if (type == MrtHeader.TABLE_DUMP_V2 && subtype == MrtReader.PEER_INDEX_TABLE) {
                MrtHeader h = new MrtHeader(offset + p, MrtReader.u32(buf, p), -1, type, subtype, length);
                if (MrtReader.decode(h, Unpooled.wrappedBuffer(buf, p + MrtHeader.LENGTH, (int) length))
                        instanceof MrtRecord.PeerIndexTable t) {
                    peers = t;
                }
            }
            p += MrtHeader.LENGTH + (int) length;
        }
        return p;
    }
}
