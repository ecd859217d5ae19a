package dev.tally.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tally.count.WordCounter;
import dev.tally.count.WordHistogram;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * HTML text streams: the body is read as the text is, and memory does not grow with the document, however long
 * its comments, scripts, attributes or text run.
 */
class HtmlTextStreamingTest {

    private static final long MB = 1024 * 1024;

    @Test
    void readsTheBodyAsTheTextIsRead() throws IOException {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            private final byte[] paragraph = "<p>word <b>bold</b></p>\n".getBytes(UTF_8);

            @Override
            public int read() {
                return paragraph[(int) (served.getAndIncrement() % paragraph.length)];
            }
        };

        try (Reader text = new TextExtractor().extract(html(endless))) {
            assertThat(text.read(new char[10])).isEqualTo(10);
        }
        assertThat(served.get()).isLessThan(100_000);
    }

    @Test
    void extractsFiftyMegabytesWithoutGrowingWithThem() {
        List<Section> sections = List.of(
                new Section("<!doctype html><html><head><title>fifty</title></head><body>", 1),
                new Section("<p>alpha <b>be</b>ta gamma&amp;delta caf&eacute;</p>\n", 12 * MB / 48),
                new Section("<!-- a long comment ", 1),
                new Section("filler -- > <p>not text</p> ", 10 * MB / 28),
                new Section("--><script>", 1),
                new Section("var filler = '</scr' + 'ipt>' < 2; ", 10 * MB / 36),
                new Section("</script><p title=\"", 1),
                new Section("filler > <b>not text</b> ", 10 * MB / 25),
                new Section("\">omega</p>", 1),
                new Section("word ", 8 * MB / 5),
                new Section("</body></html>", 1));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled())
                .isTrue();
        SectionStream body = new SectionStream(sections);

        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        WordHistogram words = new WordCounter().count(new TextExtractor().extract(html(body)));
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(body.served).isGreaterThan(50 * MB);
        long paragraphs = 12 * MB / 48;
        assertThat(words.counts())
                .containsEntry("alpha", paragraphs)
                .containsEntry("beta", paragraphs)
                .containsEntry("café", paragraphs)
                .containsEntry("omega", 1L)
                .containsEntry("word", 8 * MB / 5)
                .doesNotContainKeys("filler", "not", "text", "var", "scr");
        // Reading the document into memory once, as bytes or as chars, would take at least 50 MB.
        assertThat(allocated).as("bytes allocated extracting and counting").isLessThan(16 * MB);
    }

    private static FetchedDocument html(InputStream body) {
        return FetchedDocument.of("http://example.test/big.html", "text/html", UTF_8, body);
    }

    private record Section(String text, long times) {}

    /** The sections' text, each repeated its number of times, made up as it is read. */
    private static final class SectionStream extends InputStream {

        private final List<byte[]> units;
        private final List<Section> sections;
        private int section;
        private long repeated;
        private int position;
        long served;

        SectionStream(List<Section> sections) {
            this.sections = sections;
            this.units = sections.stream().map(s -> s.text().getBytes(UTF_8)).toList();
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("a buffered reader reads in bulk");
        }

        // fills the buffer as a socket with data waiting would: a read per unit would make the decoder's
        // allocation per read the measure
        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (section == units.size()) {
                return -1;
            }
            int count = 0;
            while (count < length && section < units.size()) {
                byte[] unit = units.get(section);
                int part = Math.min(length - count, unit.length - position);
                System.arraycopy(unit, position, buffer, offset + count, part);
                position += part;
                count += part;
                if (position == unit.length) {
                    position = 0;
                    if (++repeated == sections.get(section).times()) {
                        repeated = 0;
                        section++;
                    }
                }
            }
            served += count;
            return count;
        }
    }
}
