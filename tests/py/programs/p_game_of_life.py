def parse(pattern):
    cells = set()
    for r, line in enumerate(pattern.strip().splitlines()):
        for c, ch in enumerate(line):
            if ch == "#":
                cells.add((r, c))
    return cells

def step(cells):
    counts = {}
    for r, c in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in cells)}

def show(cells, rows, cols):
    for r in range(rows):
        print("".join("#" if (r, c) in cells else "." for c in range(cols)))

glider = parse("""
.#.
..#
###
""")
cells = glider
for gen in range(5):
    print(f"generation {gen}: {len(cells)} cells")
    show(cells, 6, 6)
    cells = step(cells)
print(sorted(cells))

blinker = parse("###")
print(sorted(step(blinker)), step(step(blinker)) == blinker)

pulsar_row = "..###...###.."
block = parse("##\n##")
print(step(block) == block)

r_pent = parse("""
.##
##.
.#.
""")
cells = r_pent
history = []
for gen in range(60):
    history.append(len(cells))
    cells = step(cells)
print(history)
rows = [r for r, _ in cells]
cols = [c for _, c in cells]
print(len(cells), min(rows), max(rows), min(cols), max(cols))

def grid_step(grid):
    h, w = len(grid), len(grid[0])
    new = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = sum(grid[(r + dr) % h][(c + dc) % w] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
            new[r][c] = 1 if n == 3 or (n == 2 and grid[r][c]) else 0
    return new

g = [[0] * 8 for _ in range(8)]
for r, c in glider:
    g[r][c] = 1
for _ in range(32):
    g = grid_step(g)
print("\n".join("".join(".#"[v] for v in row) for row in g))
print(sum(map(sum, g)))
