# comprehensions have their own scope
x = 'outer'
lst = [x for x in range(3)]
print(x, lst)
i = 'keep'
g = list(i for i in 'ab')
print(i, g)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    y = 10
    try:
        bad = [y for _ in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
def f():
    n = 3
    return [n * k for k in range(n)]
print(f())
def g2():
    res = [lambda: k for k in range(3)]
    return [r() for r in res]
print(g2())
print({k: [k for k in range(k)] for k in range(3)})
