# select() reads a list argument live, as CPython does: a fileno() that
# shortens the list ends the walk early, and the ready list holds the objects
# walked; other sequences and iterables are read once.
import select
import sys

a = []
class F:
    def fileno(self):
        del a[-1]
        return sys.__stdout__.fileno()
a[:] = [F()] * 10
r = select.select([], a, [])
print(len(r[1]), len(a), r == ([], a[:5], []))

class G:
    def __init__(self, n): self.n = n
    def fileno(self): return sys.__stdout__.fileno()
    def __repr__(self): return "G%d" % self.n
t = tuple(G(i) for i in range(3))
print(select.select([], t, [], 0)[1])
print(select.select([], (G(i) for i in range(2)), [], 0)[1])
print(select.select([], {G(7): 1}, [], 0)[1])

class Grow:
    def fileno(self):
        if len(b) < 4:
            b.append(Grow())
        return sys.__stdout__.fileno()
b = [Grow()]
print(len(select.select([], b, [], 0)[1]), len(b))
