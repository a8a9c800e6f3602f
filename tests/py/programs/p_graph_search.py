from collections import deque, defaultdict
import heapq

edges = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10),
         ("C", "E", 3), ("E", "D", 4), ("D", "F", 11), ("E", "F", 20), ("G", "H", 1)]
graph = defaultdict(list)
for u, v, w in edges:
    graph[u].append((v, w))
    graph[v].append((u, w))

def bfs(start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nb, _ in sorted(graph[node]):
            if nb not in seen:
                seen.add(nb)
                q.append(nb)
    return order

def dfs(start, seen=None):
    if seen is None:
        seen = []
    seen.append(start)
    for nb, _ in sorted(graph[start]):
        if nb not in seen:
            dfs(nb, seen)
    return seen

def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev

def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]

def components():
    seen, comps = set(), []
    for node in sorted(graph):
        if node in seen:
            continue
        comp = dfs(node, [])
        seen.update(comp)
        comps.append(sorted(comp))
    return comps

print("BFS:", bfs("A"))
print("DFS:", dfs("A"))
dist, prev = dijkstra("A")
for node in sorted(dist):
    print(f"  {node}: {dist[node]:>3}  via {' -> '.join(path_to(prev, node))}")
print("components:", components())

# topological sort (Kahn)
deps = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"],
        "belt": ["jacket"], "socks": ["shoes"], "undershorts": ["pants", "shoes"],
        "watch": [], "shoes": [], "jacket": []}
indeg = {k: 0 for k in deps}
for k, vs in deps.items():
    for v in vs:
        indeg[v] += 1
ready = sorted(k for k, d in indeg.items() if d == 0)
order = []
while ready:
    n = ready.pop(0)
    order.append(n)
    for v in deps[n]:
        indeg[v] -= 1
        if indeg[v] == 0:
            ready.append(v)
            ready.sort()
print("topo:", order)

# grid BFS shortest path
grid = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E"]
rows, cols = len(grid), len(grid[0])
start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
q = deque([(start, 0)])
seen = {start}
while q:
    (r, c), d = q.popleft()
    if grid[r][c] == "E":
        print("grid distance:", d)
        break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in seen:
            seen.add((nr, nc))
            q.append(((nr, nc), d + 1))
else:
    print("no path")
print("visited cells:", len(seen))
