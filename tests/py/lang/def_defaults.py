# default arguments (evaluated once)
def f(a, b=2, c='three'):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c='C'), f(a=0, b=1, c=2))
def append(x, lst=[]):
    lst.append(x)
    return lst
print(append(1), append(2))
print(append(3, []))
default = 10
def g(x=default):
    return x
default = 20
print(g())
print(f.__defaults__, g.__defaults__)
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, d=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, a=4)
except TypeError as e:
    print(type(e).__name__, e)
