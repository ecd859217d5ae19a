# A word list of n distinct words (make bench's vocabulary scenario): "w" and six base-36 digits each, separated by
# a space, every third by a comma too, so 3,000,000 words take 25,000,000 bytes. The same list as the tests'
# dev.tally.support.Vocabulary.
BEGIN {
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    first = 36 ^ 5
    for (i = 0; i < n; i++) {
        v = first + i
        word = ""
        while (v > 0) { word = substr(digits, v % 36 + 1, 1) word; v = int(v / 36) }
        printf "w%s%s", word, (i % 3 == 2 ? ", " : " ")
    }
}
