# __getitem__ / __setitem__ / __delitem__
class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print('get', k)
        if k not in self.d: raise KeyError(k)
        return self.d[k]
    def __setitem__(self, k, v): print('set', k, v); self.d[k] = v
    def __delitem__(self, k): print('del', k); del self.d[k]
g = Grid()
g[1, 2] = 'a'
g['x'] = 'b'
print(g[1, 2], g['x'])
del g['x']
try:
    g['x']
except KeyError as e:
    print(type(e).__name__, e)
g[0, 2] = 'tuple key'
print(g[0, 2])
g['n'] = 1
g['n'] += 5
print(g.d)
class ReadOnly:
    def __getitem__(self, i): return i
try:
    ReadOnly()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del ReadOnly()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    object()[0]
except TypeError as e:
    print(type(e).__name__, e)
