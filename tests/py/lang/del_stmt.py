# del on names, subscripts, slices, attributes
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
l = list(range(10))
del l[0]
del l[-1]
del l[2:4]
del l[::2]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print(type(e).__name__, e)
class C: pass
c = C(); c.a = 1; c.b = 2
del c.a
print(hasattr(c, 'a'), c.b)
try:
    del c.nope
except AttributeError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
