# str methods on ASCII text: upper/lower of slices, split, join, replace, count, find, strip, title.
text = ("The quick brown fox jumps over the lazy dog. " * 1400)[:60000]
t = 0
for k in range(3000):
    t += len(text[:2000].upper()) + len(text[:2000].lower())
for k in range(150):
    parts = text.split()
    t += len(parts)
    t += len(" ".join(parts))
    t += len(text.replace("fox", "cat"))
    t += text.count("o") + text.find("zzz") + len(text.split("."))
    t += len(text.strip()) + len(text.title()) + len(text.swapcase())
    t += sum(1 for w in parts if w.isalpha()) + sum(1 for w in parts if w.startswith("q"))
    t += len(text.splitlines()) + len(text.partition("lazy")[2]) + text.rfind("fox")
    t += len(text.encode()) + len(text.encode().decode())
print(t)
