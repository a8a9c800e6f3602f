# Text processing with re: findall, finditer, sub with groups, split, match per line.
import re
text = "\n".join("user%d@host%d.example.com 2024-%02d-%02d value=%d ERROR foo bar" % (i, i % 50, i % 12 + 1, i % 28 + 1, i * 3) for i in range(20000))
t = 0
for k in range(5):
    t += len(re.findall(r"\w+@\w+\.example\.com", text))
    t += sum(int(m.group(1)) for m in re.finditer(r"value=(\d+)", text))
    t += len(re.sub(r"\d{4}-(\d\d)-(\d\d)", r"\2/\1", text))
    t += len(re.split(r"\s+", text))
    p = re.compile(r"^user(\d+)", re.M)
    t += sum(1 for line in text.splitlines() if p.match(line))
    t += sum(1 for line in text.splitlines() if "ERROR" in line and re.search(r"host4\d", line))
print(t)
