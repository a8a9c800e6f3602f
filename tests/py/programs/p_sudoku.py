PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""

def parse(s):
    return [[int(ch) if ch.isdigit() else 0 for ch in line] for line in s.strip().splitlines()]

def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [n for n in range(1, 10) if n not in used]

calls = 0
def solve(g):
    global calls
    calls += 1
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cand = candidates(g, r, c)
                if best is None or len(cand) < len(best[2]):
                    best = (r, c, cand)
    if best is None:
        return True
    r, c, cand = best
    for n in cand:
        g[r][c] = n
        if solve(g):
            return True
    g[r][c] = 0
    return False

def show(g):
    for i, row in enumerate(g):
        if i and i % 3 == 0:
            print("------+-------+------")
        print(" | ".join(" ".join(str(n or ".") for n in row[j:j + 3]) for j in (0, 3, 6)))

g = parse(PUZZLE)
show(g)
print(solve(g), calls)
show(g)
ok = all(sorted(row) == list(range(1, 10)) for row in g) and \
     all(sorted(col) == list(range(1, 10)) for col in zip(*g))
print("valid:", ok)
print(sum(g[i][i] for i in range(9)), [row[4] for row in g])
