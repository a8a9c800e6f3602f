# attribute and subscript targets, slices
class O:
    pass
o = O()
o.x = 1
o.y = o.x + 1
print(o.x, o.y)
o.inner = O()
o.inner.z = 'deep'
print(o.inner.z)
l = [0] * 5
l[0] = 'a'
l[-1] = 'e'
print(l)
l[1:3] = ['b', 'c', 'cc']
print(l)
l[::2] = [1, 2, 3]
print(l)
l[:] = []
print(l)
d = {}
d['a'] = d.get('a', 0) + 1
d['nested'] = {}
d['nested']['k'] = [1]
d['nested']['k'][0] = 99
print(d)
o.lst = [1, 2]
o.lst[0], o.x = 'A', 'X'
print(o.lst, o.x)
m = [[0] * 2 for _ in range(2)]
m[1][0] = 5
print(m)
try:
    l2 = [1, 2, 3]
    l2[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
