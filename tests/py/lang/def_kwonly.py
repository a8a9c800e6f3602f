# keyword-only parameters
def f(a, *, key, opt=1):
    return a, key, opt
print(f(1, key=2), f(1, opt=3, key=4))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
def g(*args, sep='-'):
    return sep.join(map(str, args))
print(g(1, 2, 3), g(1, 2, sep='+'))
def h(*, a, b):
    return a - b
print(h(b=1, a=5))
print(f.__kwdefaults__)
try:
    h(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
