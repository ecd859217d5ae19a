package dev.tally.count;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic English-looking text for benchmarks: Zipf-distributed word frequencies (short words frequent,
 * long words rare), occasional capitals, contractions, quotes, punctuation and line breaks; ASCII only.
 *
 * <p>With the default 50,000-word vocabulary, 50 MB hold about 8.1 million tokens of about 100,000 distinct
 * lowercased forms, a mean token length near 5 chars (English: 4.7 to 5) and the 100 most frequent words making
 * up about half of the text, as in English.
 */
final class PseudoEnglishText {

    static final int DEFAULT_VOCABULARY = 50_000;

    private static final String[] SYLLABLES = {
        "the", "an", "ing", "er", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed", "is", "it",
        "al", "ar", "st", "to", "nt", "ha", "ou", "ea", "hi", "as", "ve", "co", "me", "de", "ra", "ro", "li",
        "ri", "io", "le", "ne", "ma", "se", "om", "ic", "ch", "wh", "str", "pl", "qu", "y", "a", "o",
    };
    private static final String[] CONTRACTIONS = {"'s", "n't", "'ll", "'re", "'ve", "'d", "'"};
    private static final String[] PUNCTUATION = {",", ",", ".", ".", ".", ";", ":", "!", "?", " -"};
    /** Zipf-Mandelbrot weight of rank r is 1 / (r + RANK_OFFSET). */
    private static final double RANK_OFFSET = 2.7;
    /** Words of rank r get 1 + up to 1.6 * log10(r + 2) extra syllables, so rare words are long. */
    private static final double SYLLABLES_PER_DECADE = 1.6;

    private PseudoEnglishText() {}

    static String generate(long seed, int chars, int vocabularySize) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] vocabulary = vocabulary(random, vocabularySize);
        double[] cumulativeWeights = zipfCumulativeWeights(vocabularySize);
        StringBuilder text = new StringBuilder(chars + 64);
        boolean sentenceStart = true;
        int wordsOnLine = 0;
        while (text.length() < chars) {
            String word = vocabulary[rankOf(random.nextDouble(), cumulativeWeights)];
            boolean quoted = random.nextInt(100) == 0;
            if (quoted) {
                text.append('\'');
            }
            if (sentenceStart || random.nextInt(30) == 0) {
                text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                text.append(word);
            }
            if (random.nextInt(25) == 0) {
                text.append(CONTRACTIONS[random.nextInt(CONTRACTIONS.length)]);
            }
            if (quoted) {
                text.append('\'');
            }
            sentenceStart = false;
            if (random.nextInt(9) == 0) {
                String mark = PUNCTUATION[random.nextInt(PUNCTUATION.length)];
                text.append(mark);
                sentenceStart = mark.equals(".") || mark.equals("!") || mark.equals("?");
            }
            if (++wordsOnLine >= 12 && random.nextInt(4) == 0) {
                text.append(random.nextInt(8) == 0 ? "\n\n" : "\n");
                wordsOnLine = 0;
            } else {
                text.append(' ');
            }
        }
        text.setLength(chars);
        return text.toString();
    }

    private static String[] vocabulary(SplittableRandom random, int size) {
        String[] words = new String[size];
        for (int rank = 0; rank < size; rank++) {
            int extraSyllables = (int) (Math.log10(rank + 2) * random.nextDouble() * SYLLABLES_PER_DECADE);
            StringBuilder word = new StringBuilder();
            for (int s = 0; s <= Math.min(4, extraSyllables); s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (random.nextInt(60) == 0) {
                word.append(random.nextInt(100));
            }
            words[rank] = word.toString();
        }
        return words;
    }

    private static double[] zipfCumulativeWeights(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1 / (rank + RANK_OFFSET);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }

    private static int rankOf(double uniform, double[] cumulativeWeights) {
        int index = Arrays.binarySearch(cumulativeWeights, uniform);
        return Math.min(index >= 0 ? index : -index - 1, cumulativeWeights.length - 1);
    }
}
