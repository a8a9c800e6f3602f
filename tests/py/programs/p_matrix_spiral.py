def spiral(matrix):
    out = []
    while matrix:
        out += matrix.pop(0)
        matrix = [list(r) for r in zip(*matrix)][::-1]
    return out

def make_spiral(n):
    grid = [[0] * n for _ in range(n)]
    r = c = 0
    dr, dc = 0, 1
    for k in range(1, n * n + 1):
        grid[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n and grid[nr][nc] == 0):
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid

m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print(spiral([row[:] for row in m]))
for row in make_spiral(5):
    print(" ".join(f"{v:2}" for v in row))
def rotate(m):
    return [list(r) for r in zip(*m[::-1])]
print(rotate(m))
print(rotate(rotate(rotate(rotate(m)))) == m)
t = list(map(list, zip(*m)))
print(t)
identity = [[int(i == j) for j in range(4)] for i in range(4)]
print(identity)
print([row[::-1] for row in m], m[::-1])
print([sum(r) for r in m], [sum(c) for c in zip(*m)], sum(map(sum, m)))
print(max(max(r) for r in m), [max(c) for c in zip(*m)])
diag = [m[i][i] for i in range(min(len(m), len(m[0])))]
print(diag)
pascal = [[1]]
for _ in range(9):
    prev = pascal[-1]
    pascal.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
w = len(" ".join(map(str, pascal[-1])))
for row in pascal:
    print(" ".join(map(str, row)).center(w).rstrip())
mult = [[i * j for j in range(1, 10)] for i in range(1, 10)]
for row in mult[:3]:
    print("".join(f"{v:4}" for v in row))
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
flat = [x for row in m for x in row if x % 2]
print(flat, [[x * 2 for x in row] for row in m][1])
print(sorted(m, key=lambda r: -r[0])[0], list(zip(*[iter(range(12))] * 4)))
