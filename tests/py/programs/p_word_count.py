from collections import Counter, defaultdict
import string

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

words = [w.strip(string.punctuation).lower() for w in TEXT.split()]
words = [w for w in words if w]
print("total words:", len(words), "unique:", len(set(words)))
counts = Counter(words)
for word, n in counts.most_common(6):
    print(f"{word:<10}{n:>3} {'*' * n}")

manual = {}
for w in words:
    manual[w] = manual.get(w, 0) + 1
print(manual == dict(counts))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
for length in sorted(by_len):
    print(length, ", ".join(by_len[length]))

letters = Counter(c for c in TEXT.lower() if c.isalpha())
print(letters.most_common(5))
print("".join(sorted(letters, key=lambda c: (-letters[c], c)))[:10])
lines = TEXT.splitlines()
for i, line in enumerate(lines, 1):
    print(f"{i:2}: {len(line):3} chars, {len(line.split()):2} words | {line[:25]!r}")
first_letters = Counter(w[0] for w in words)
print(sorted(first_letters.items()))
c2 = Counter("abracadabra")
c3 = Counter("alakazam")
print(c2 + c3)
print(c2 - c3)
print(c2 & c3, c2 | c3)
print(sum(c2.values()), list(c2.elements())[:6])
c2.update("aaa")
c2.subtract({"b": 5})
print(c2)
print(+c2)
longest = max(words, key=len)
print("longest:", longest, len(longest))
print(sorted(counts, key=counts.get, reverse=True)[:3])
