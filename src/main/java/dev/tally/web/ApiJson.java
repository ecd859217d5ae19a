package dev.tally.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import dev.tally.result.StreamedWordCount;
import dev.tally.result.WordCountFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Renders an answer as JSON. An answer holding a word count kept in GridFS becomes a stream: the envelope around
 * it, with the file copied in between as the client reads, so a histogram of millions of words is never built in
 * memory. The file stands in the rendered envelope as one NUL byte, which JSON text can hold nowhere else (Jackson
 * escapes control characters in strings). A file of up to {@link #BUFFERED_MAX_BYTES} is read whole instead: a
 * stream is copied to the client a few KB at a time, each piece flushed in a write of its own, which made GETs of
 * the 100 KB page's counts cost the web tier a third more CPU (bench/limits.md).
 */
@Component("apiJson")
public class ApiJson {

    private static final byte PLACEHOLDER = 0;
    static final int BUFFERED_MAX_BYTES = 256 * 1024;

    private final ObjectMapper mapper;
    private final WordCountFiles files;

    public ApiJson(ObjectMapper mapper, WordCountFiles files) {
        this.mapper = mapper.copy()
                .registerModule(new SimpleModule().addSerializer(StreamedWordCount.class, new Placeholder()));
        this.files = files;
    }

    public Object render(Object answer) throws JsonProcessingException {
        byte[] json = mapper.writeValueAsBytes(answer);
        StreamedWordCount streamed = streamedIn(answer);
        if (streamed == null) {
            return json;
        }
        int at = indexOf(json, PLACEHOLDER);
        GridFSDownloadStream file = files.open(streamed.file());
        if (file.getGridFSFile().getLength() <= BUFFERED_MAX_BYTES) {
            try (file) {
                return spliced(json, at, file.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(json, 0, at),
                file,
                new ByteArrayInputStream(json, at + 1, json.length - at - 1))));
    }

    private static byte[] spliced(byte[] json, int at, byte[] counts) {
        byte[] answer = new byte[json.length - 1 + counts.length];
        System.arraycopy(json, 0, answer, 0, at);
        System.arraycopy(counts, 0, answer, at, counts.length);
        System.arraycopy(json, at + 1, answer, at + counts.length, json.length - at - 1);
        return answer;
    }

    private static StreamedWordCount streamedIn(Object answer) {
        if (answer instanceof ApiResponse response && response.data() instanceof java.util.Map<?, ?> data) {
            return data.get("word_count") instanceof StreamedWordCount streamed ? streamed : null;
        }
        return null;
    }

    private static int indexOf(byte[] json, byte b) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("the rendered answer lost its word-count placeholder");
    }

    private static final class Placeholder extends JsonSerializer<StreamedWordCount> {
        @Override
        public void serialize(StreamedWordCount value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeRawValue("\u0000");
        }
    }
}
