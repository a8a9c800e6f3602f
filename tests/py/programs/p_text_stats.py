import sys

data = sys.stdin.read()
lines = data.splitlines()
print("lines:", len(lines), "chars:", len(data), "bytes:", len(data.encode()))
words = data.split()
print("words:", len(words), "unique:", len({w.lower().strip(".,!?") for w in words}))
longest = max(lines, key=len)
print("longest line:", repr(longest), len(longest))
for i, line in enumerate(lines, 1):
    if not line.strip():
        print(f"{i:3}: <blank>")
        continue
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    print(f"{i:3}: indent={indent} words={len(stripped.split()):2} upper={sum(c.isupper() for c in stripped)} {stripped[:30]!r}")
freq = {}
for w in words:
    w = w.lower().strip(".,!?;:")
    if w:
        freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print("avg word length: %.3f" % (sum(map(len, words)) / len(words)))
