# test: skip-gc-stress
# allocation-heavy: many short-lived objects
class Node:
    def __init__(self, l, r): self.l, self.r = l, r
def make(d):
    return Node(None, None) if d == 0 else Node(make(d - 1), make(d - 1))
def check(n):
    return 1 if n.l is None else 1 + check(n.l) + check(n.r)
total = 0
for i in range(20):
    total += check(make(12))
print(total)
keep = [str(i) * 3 for i in range(100000)]
print(len(keep), keep[12345])
print(sum(len([j for j in range(i % 50)]) for i in range(20000)))
