# An algorithmic program over deque, Counter, defaultdict, heapq, bisect and itertools.
from collections import deque, Counter, defaultdict
import heapq, bisect, itertools
def bfs(n):
    adj = defaultdict(list)
    for i in range(n):
        adj[i].append((i * 7 + 1) % n); adj[i].append((i * 13 + 5) % n)
    dist = {0: 0}; q = deque([0])
    while q:
        u = q.popleft()
        for v in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1; q.append(v)
    return sum(dist.values())
def dijkstra(n):
    dist = [10**9] * n; dist[0] = 0; h = [(0, 0)]
    while h:
        d, u = heapq.heappop(h)
        if d > dist[u]: continue
        for v, w in (((u * 7 + 1) % n, u % 5 + 1), ((u * 3 + 2) % n, u % 7 + 1)):
            if d + w < dist[v]:
                dist[v] = d + w; heapq.heappush(h, (d + w, v))
    return sum(dist)
def misc(n):
    c = Counter(i % 97 for i in range(n))
    a = []
    for i in range(n // 10):
        bisect.insort(a, (i * 7919) % 10007)
    t = sum(bisect.bisect_left(a, i) for i in range(0, 10007, 7))
    t += sum(x * y for x, y in itertools.product(range(60), repeat=2))
    t += len(list(itertools.combinations(range(22), 3)))
    t += sum(itertools.accumulate(range(n)))
    t += sum(len(list(g)) for k, g in itertools.groupby(sorted(c.elements())))
    return t + c.most_common(1)[0][1]
print(bfs(200000), dijkstra(100000), misc(200000))
