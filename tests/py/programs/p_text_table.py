rows = [
    ("Mercury", 0.382, 0.06, 87.97, 0),
    ("Venus", 0.949, 0.82, 224.70, 0),
    ("Earth", 1.000, 1.00, 365.26, 1),
    ("Mars", 0.532, 0.11, 686.98, 2),
    ("Jupiter", 11.209, 317.8, 4332.59, 95),
    ("Saturn", 9.449, 95.2, 10759.22, 146),
    ("Uranus", 4.007, 14.6, 30688.5, 28),
    ("Neptune", 3.883, 17.2, 60182.0, 16),
]
headers = ("Planet", "Diameter", "Mass", "Period (days)", "Moons")

def render(headers, rows, aligns):
    cells = [[str(h) for h in headers]] + [[fmt(v) for v in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [sep]
    for n, row in enumerate(cells):
        parts = []
        for cell, w, a in zip(row, widths, aligns):
            parts.append(" " + format(cell, f"{a}{w}") + " ")
        out.append("|" + "|".join(parts) + "|")
        if n == 0:
            out.append(sep.replace("-", "="))
    out.append(sep)
    return "\n".join(out)

def fmt(v):
    if isinstance(v, float):
        return f"{v:,.2f}" if v >= 1000 else f"{v:.3f}"
    return str(v)

print(render(headers, rows, "<>>>>"))
print(render(("k", "v"), [("a", 1), ("bb", 22)], "^^"))
print()
print("%-10s %8s %8s" % ("name", "ratio", "hex"))
for name, d, m, p, moons in rows[:4]:
    print("%-10s %8.4f %8x %+d %e %g" % (name, d / m if m else 0, int(p), moons - 1, p, p))
print("%(name)s has %(moons)d moons" % {"name": "Mars", "moons": 2})
print("%c%c%c %5s|%-5s|%05d|%.2s|%%|%r" % (72, "i", 33, "ab", "cd", 42, "xyz", "q"))
print("%o %X %#x %#o % d %3d%%" % (64, 255, 255, 8, 7, 50))
print("{:>10}|{:<10}|{:^10}|".format("right", "left", "mid"))
print("{0} {1} {0} {name}".format("a", "b", name="n"), "{:,}".format(1234567.891))
print("{:08.3f} {:+.1e} {:.0%} {:b} {:#o} {:c}".format(3.14159, 12345.678, 0.256, 10, 8, 65))
print("{!r:>8} {!s:<6}|".format("x", [1]), "{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3j))
width, prec = 12, 3
print(f"{'pi':>{width}} = {3.14159265:{width}.{prec}f}")
for i in range(1, 6):
    print(f"{i:>2} {i**2:>3} {i**3:>4} {'#' * i:<5}|{2**i:#06x}")
total = sum(r[3] for r in rows)
print(f"total={total:_.1f} mean={total / len(rows):.5g} max={max(r[3] for r in rows):.3e}")
print(f"{1e-5:g} {1e16:g} {123456789.0:g} {0.0001234:.2g} {float('inf'):f} {-0.0:g} {1.5:n}")
print(f"{12:*>6} {12:*<6} {-12:=6} {12:^7d}|{'s':3}|{True:>5}|{None!s:>5}")
