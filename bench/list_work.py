l = []
for i in range(1200000):
    l.append((i * 7919) % 100003)
l.sort()
s = l[::3]
r = [x * 2 for x in s if x % 3]
r.reverse()
m = max(r) + min(r)
for _ in range(5):
    l = l[1:] + l[:1]
print(len(r), m, sum(l) % 1000, l.index(l[-1]))
