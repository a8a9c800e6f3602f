# An algorithmic program on itertools, heapq, bisect, collections.
import bisect, heapq, itertools
from collections import Counter, deque

total = 0
for _round in range(2):
    for a, b in itertools.product(range(400), repeat=2):
        total += (a * b) & 3
    total += sum(1 for _ in itertools.permutations(range(8)))
    total += sum(1 for _ in itertools.combinations(range(24), 4))
    c = Counter(x % 97 for x in range(300000))
    total += sum(v for _, v in c.most_common(10))
    h = []
    for i in range(200000):
        heapq.heappush(h, (i * 7919) % 100003)
    total += sum(heapq.heappop(h) for _ in range(1000))
    keys = sorted((i * 31) % 50021 for i in range(50000))
    total += sum(bisect.bisect_left(keys, k) for k in range(0, 50000, 3))
    d = deque(maxlen=1000)
    for x in itertools.islice(itertools.count(), 300000):
        d.append(x)
    total += sum(d)
    total += sum(itertools.accumulate(range(100000))) % 1000
print(total)
