/*
 * A Java client of libsladd through JNA: a real user of the C ABI.
 *
 *   javac -cp /usr/share/java/jna.jar -d build SladdExample.java
 *   java -cp /usr/share/java/jna.jar:build \
 *        -Djna.library.path=PREFIX/lib SladdExample
 *
 * It wraps the C API, checks real results and prints
 * "sladd-java-example: passed=N failed=M"; it exits 1 on any failure.
 * Every number in it is synthetic.
 */

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class SladdExample {
    static final int OK = 0;
    static final int NULL_PARAMETER = 5001;
    static final int INSUFFICIENT_SPACE = 5002;
    static final int UNKNOWN_KIND = 5101;
    static final int UNKNOWN_COUNTRY = 5102;

    /** C size_t. */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** struct sladd_options: zero and NULL fields mean the defaults. */
    @Structure.FieldOrder({"kinds", "countries", "min_confidence",
            "context_before", "context_after", "reference_date",
            "redact_style", "known_names", "allow", "lenient"})
    public static class Options extends Structure {
        public String kinds;
        public String countries;
        public int min_confidence;
        public int context_before;
        public int context_after;
        public String reference_date;
        public int redact_style;
        public String known_names;
        public String allow;
        public int lenient;
    }

    /** struct sladd_match. */
    @Structure.FieldOrder({"kind", "confidence", "flags", "start", "end"})
    public static class Match extends Structure {
        public int kind;
        public int confidence;
        public int flags;
        public SizeT start;
        public SizeT end;

        public Match() {
            super();
        }

        public Match(Pointer p) {
            super(p);
            read();
        }
    }

    /** The C functions, as declared in sladd.h. */
    public interface Sladd extends Library {
        Sladd LIB = Native.load("sladd", Sladd.class);

        String sladd_version();

        String sladd_kind_name(int kind);

        String sladd_confidence_name(int confidence);

        int sladd_result_message(int code, byte[] buf, SizeT len,
                                 Memory outN);

        int sladd_scanner_new(Options opts, PointerByReference out);

        void sladd_scanner_free(Pointer scanner);

        int sladd_scan(Pointer scanner, byte[] text, SizeT len, Match out,
                       SizeT cap, Memory nFound);

        // C `bool` is one byte; JNA's `boolean` return reads a whole int,
        // whose upper bytes the C side leaves undefined: take the byte.
        byte sladd_find(Pointer scanner, byte[] text, SizeT len,
                           SizeT start, Match out);

        int sladd_redact_with_style(Pointer scanner, byte[] text, SizeT len,
                                    int style, byte[] out, SizeT cap,
                                    Memory outLen);

        int sladd_kind_from_name(String name, IntByReference out);
    }

    static long readSize(Memory m) {
        return Native.SIZE_T_SIZE == 8 ? m.getLong(0) : m.getInt(0);
    }

    static String message(int code) {
        byte[] buf = new byte[256];
        Memory n = new Memory(Native.SIZE_T_SIZE);
        Sladd.LIB.sladd_result_message(code, buf, new SizeT(buf.length), n);
        return new String(buf, 0, (int) readSize(n),
                StandardCharsets.UTF_8);
    }

    /** A found identifier, with the names resolved. */
    record Found(String kind, String confidence, long start, long end) {
    }

    /** A thin wrapper over sladd_scanner. */
    static final class Scanner implements AutoCloseable {
        private Pointer handle;

        Scanner(Options opts) {
            PointerByReference out = new PointerByReference();
            int rc = Sladd.LIB.sladd_scanner_new(opts, out);
            if (rc != OK) {
                throw new SladdException(rc);
            }
            handle = out.getValue();
        }

        /** All findings: count first, then fetch into an array. */
        List<Found> scan(byte[] text) {
            Memory n = new Memory(Native.SIZE_T_SIZE);
            int rc = Sladd.LIB.sladd_scan(handle, text,
                    new SizeT(text.length), null, new SizeT(0), n);
            if (rc != OK) {
                throw new SladdException(rc);
            }
            long count = readSize(n);
            List<Found> out = new ArrayList<>();
            if (count == 0) {
                return out;
            }
            Match first = new Match();
            Match[] arr = (Match[]) first.toArray((int) count);
            rc = Sladd.LIB.sladd_scan(handle, text, new SizeT(text.length),
                    first, new SizeT(count), n);
            if (rc != OK) {
                throw new SladdException(rc);
            }
            for (Match m : arr) {
                m.read();
                out.add(found(m));
            }
            return out;
        }

        /** All findings, by the cursor. */
        List<Found> findAll(byte[] text) {
            List<Found> out = new ArrayList<>();
            Match m = new Match();
            long pos = 0;
            while (Sladd.LIB.sladd_find(handle, text, new SizeT(text.length),
                    new SizeT(pos), m) != 0) {
                out.add(found(m));
                pos = m.end.longValue();
            }
            return out;
        }

        /** Redacts: ask for the size, then write into a buffer. */
        byte[] redact(byte[] text, int style) {
            Memory need = new Memory(Native.SIZE_T_SIZE);
            int rc = Sladd.LIB.sladd_redact_with_style(handle, text,
                    new SizeT(text.length), style, null, new SizeT(0), need);
            if (rc != OK && rc != INSUFFICIENT_SPACE) {
                throw new SladdException(rc);
            }
            byte[] out = new byte[(int) readSize(need)];
            Memory got = new Memory(Native.SIZE_T_SIZE);
            rc = Sladd.LIB.sladd_redact_with_style(handle, text,
                    new SizeT(text.length), style, out,
                    new SizeT(out.length), got);
            if (rc != OK) {
                throw new SladdException(rc);
            }
            return Arrays.copyOf(out, (int) readSize(got));
        }

        private static Found found(Match m) {
            return new Found(Sladd.LIB.sladd_kind_name(m.kind),
                    Sladd.LIB.sladd_confidence_name(m.confidence),
                    m.start.longValue(), m.end.longValue());
        }

        @Override
        public void close() {
            Sladd.LIB.sladd_scanner_free(handle);
            handle = null;
        }
    }

    static final class SladdException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int code;

        SladdException(int code) {
            super(message(code) + " (" + code + ")");
            this.code = code;
        }
    }

    static int passed;
    static int failed;

    static void check(boolean cond, String what) {
        if (cond) {
            passed++;
        } else {
            failed++;
            System.err.println("FAILED: " + what);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        check(Sladd.LIB.sladd_version().split("\\.").length == 3, "version");
        check("is_kt".equals(Sladd.LIB.sladd_kind_name(10)), "kind name");
        check(Sladd.LIB.sladd_kind_name(0) == null, "kind name 0 is NULL");
        IntByReference k = new IntByReference(0);
        check(Sladd.LIB.sladd_kind_from_name("se_snr", k) == OK
                && k.getValue() == 8, "kind from name");

        String text = "Søknad fra Kari, fnr. 010180 00055, "
                + "personnummer 811218-9876, henkilötunnus 131052-308T.";
        byte[] data = utf8(text);
        try (Scanner sc = new Scanner(null)) {
            List<Found> found = sc.scan(data);
            check(found.size() == 3, "three findings");
            check(found.get(0).kind().equals("no_fnr")
                    && found.get(1).kind().equals("se_pnr")
                    && found.get(2).kind().equals("fi_hetu"), "kinds");
            Found f = found.get(0);
            check(new String(data, (int) f.start(),
                    (int) (f.end() - f.start()), StandardCharsets.UTF_8)
                    .equals("010180 00055"), "byte span");
            check(f.confidence().equals("high"), "confidence");
            check(sc.findAll(data).equals(found), "cursor == array");

            check(new String(sc.redact(data, 0), StandardCharsets.UTF_8)
                    .equals("Søknad fra Kari, fnr. ****** *****, "
                            + "personnummer ******-****, henkilötunnus "
                            + "******-****."), "redact mask");
            check(new String(sc.redact(data, 1), StandardCharsets.UTF_8)
                    .equals("Søknad fra Kari, fnr. [no_fnr], personnummer "
                            + "[se_pnr], henkilötunnus [fi_hetu]."),
                    "redact label");
            check(new String(sc.redact(data, 2), StandardCharsets.UTF_8)
                    .equals("Søknad fra Kari, fnr. 010180 *****, "
                            + "personnummer 811218-****, henkilötunnus "
                            + "131052-****."), "redact keep_birthdate");
            check(sc.scan(new byte[0]).isEmpty(), "empty input");

            // One scanner shared by several JVM threads.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<Found>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> sc.scan(data)));
            }
            boolean same = true;
            for (Future<List<Found>> fu : futures) {
                same &= fu.get().equals(found);
            }
            pool.shutdown();
            check(same, "threads agree");

            // NULL where a pointer is required: an error code, no crash.
            Memory n = new Memory(Native.SIZE_T_SIZE);
            check(Sladd.LIB.sladd_scan(null, data, new SizeT(data.length),
                    null, new SizeT(0), n) == NULL_PARAMETER, "NULL scanner");
        }

        Options opts = new Options();
        opts.countries = "dk";
        try (Scanner dk = new Scanner(opts)) {
            List<Found> found = dk.scan(utf8("01018000055 CPR 010180-1004"));
            check(found.size() == 1 && found.get(0).kind().equals("dk_cpr"),
                    "countries option");
        }

        Options bad = new Options();
        bad.countries = "xx";
        try {
            new Scanner(bad).close();
            check(false, "unknown country throws");
        } catch (SladdException e) {
            check(e.code == UNKNOWN_COUNTRY, "unknown country code");
            check(e.getMessage().contains("country"), "message");
        }

        System.out.println("sladd-java-example: passed=" + passed
                + " failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
