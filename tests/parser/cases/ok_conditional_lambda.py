f = lambda x: x if x else -x
g = lambda: (yield)
h = [lambda: i for i in range(3)]
