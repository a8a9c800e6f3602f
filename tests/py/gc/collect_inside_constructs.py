# gc.collect() called directly inside with, for, comprehensions, generators,
# class bodies, except clauses, coroutines and key functions frees nothing the
# running code still uses.
import gc
class CM:
    def __enter__(self): return [1, 2, 3]
    def __exit__(self, *a): print('exit', a[0]); return False
def gen():
    for i in range(3):
        gc.collect()
        yield [i] * 3
with CM() as v:
    gc.collect()
    print(v)
print([x for x in gen()])
print({k: (gc.collect(), [k])[1] for k in 'ab'})
d = {'a': [1]}
for k, v in d.items():
    gc.collect()
    print(k, v)
def deep(n):
    if n == 0:
        gc.collect(); return [n]
    return deep(n - 1) + [n]
print(deep(20))
class K:
    gc.collect()
    x = [1, 2]
print(K.x)
s = sorted([3, 1, 2], key=lambda x: (gc.collect(), x)[1]); print(s)
import functools
print(functools.reduce(lambda a, b: (gc.collect(), a + [b])[1], range(4), []))
try:
    raise ValueError([1, 2])
except ValueError as e:
    gc.collect()
    print(e.args)
async def co():
    gc.collect()
    return [7]
c = co()
try: c.send(None)
except StopIteration as st: print(st.value)
print(list(map(lambda x: (gc.collect(), str(x))[1], range(3))))
x = [str(i) for i in range(100)]; gc.collect(); print(len(x), x[-1])
