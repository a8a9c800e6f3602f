# deeply nested data
d = {}
cur = d
for i in range(500):
    cur['n'] = {}
    cur = cur['n']
depth = 0
cur = d
while cur:
    cur = cur['n']
    depth += 1
print(depth)
t = ()
for i in range(200):
    t = (t,)
print(len(repr(t)))
def gen_chain(n):
    g = iter([1, 2, 3])
    for _ in range(n):
        g = (x for x in g)
    return list(g)
print(gen_chain(100))
