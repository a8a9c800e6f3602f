# a mix of builtins working together
words = 'the quick brown fox jumps over the lazy dog'.split()
print(len(words), sorted(set(words)), max(words, key=len), min(words), sum(map(len, words)))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(list(enumerate(zip(words[:3], reversed(words[-3:])))), any(w.startswith('q') for w in words))
print(dict(enumerate('abc')), list(filter(lambda w: len(w) > 4, words)), [chr(ord('a') + i) for i in range(5)])
print(round(sum(x / 3 for x in range(10)), 4), divmod(sum(range(50)), 7), abs(min(-3, -7)), pow(2, len(words)))
print(isinstance(words, list), callable(words.sort), hex(len(words)), bin(255)[2:].count('1'), int('ff', 16) == 0xff)
