# iter and next
it = iter('ab')
print(next(it), next(it), next(it, 'sentinel'), next(it, None))
it2 = iter([])
try:
    next(it2)
except StopIteration as e:
    print('StopIteration', e.args)
vals = [3, 2, 1, 0, 5]
pos = -1
def step():
    global pos
    pos += 1
    return vals[pos]
print(list(iter(step, 0)))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
print(list(iter(iter([1, 2]))), iter(it) is it)
