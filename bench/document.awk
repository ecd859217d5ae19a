# Writes an HTML page of about `bytes` bytes (-v bytes=N) to stdout: paragraphs of sentences of made-up
# words drawn from a vocabulary of 50,000 with Zipf-like frequencies (a few very common short words, a long
# tail of rare long ones), as in real text, plus markup, a style and a script that are not counted.
# Seeded (-v seed=N, default 1), so every run counts the same document.
function word(r,    w) {
    w = ""
    do { w = w syllable[r % nsyllables]; r = int(r / nsyllables) } while (r > 0)
    return w
}
function pick() { return vocabulary[int(exp(rand() * log_size)) - 1] }
function sentence(    n, s, i, w) {
    n = 6 + int(rand() * 14)
    s = pick()
    s = toupper(substr(s, 1, 1)) substr(s, 2)
    for (i = 1; i < n; i++) {
        w = pick()
        if (rand() < 0.02) w = w "'s"
        if (rand() < 0.03) w = "<a href=\"#" w "\">" w "</a>"
        else if (rand() < 0.02) w = "<em>" w "</em>"
        s = s (rand() < 0.06 ? ", " : " ") w
    }
    return s "."
}
BEGIN {
    srand(seed ? seed : 1)
    split("ta to ka ri ne mo su le pa di ve lo hu ba ge mi sa ro fe nu co tra pre sti bel man dor ken lis gar" \
          " wen tho ser quin ald rum pes vic yor zan", syllable, " ")
    nsyllables = length(syllable)
    for (i = 1; i <= nsyllables; i++) syllable[i - 1] = syllable[i]
    size = 50000
    log_size = log(size)
    for (r = 0; r < size; r++) vocabulary[r] = word(r)
    head = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tally bench document</title>\n" \
           "<style>body { font-family: serif; max-width: 40em } h2 { color: #333 }</style>\n" \
           "<script>var notCounted = \"script text is never counted\";</script>\n</head><body>\n"
    printf "%s", head
    written = length(head)
    tail = "</body></html>\n"
    while (written + length(tail) < bytes) {
        if (paragraphs++ % 12 == 0) line = "<h2>" sentence() "</h2>\n"
        else {
            line = "<p>"
            for (n = 2 + int(rand() * 5); n > 0; n--) line = line sentence() " "
            line = line "</p>\n"
        }
        printf "%s", line
        written += length(line)
    }
    printf "%s", tail
}
