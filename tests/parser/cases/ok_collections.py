a = [1, 2, *b, 3]
b = (1,)
c = ()
d = {}
e = {1: 2, **f, 3: 4}
f = {1, 2, *g}
g = [x for x in y]
h = [x for x in y if x if z for w in x]
i = {x for x in y}
j = {k: v for k, v in items}
k = (x for x in y)
l = [[1, 2], [3, [4, (5, {6})]]]
m = (yield)
n = [i async for i in aiter()]
o = [(y := 1), y]
p = {**a, **b}
q = [*a, *b]
r = [
    1,
    2,
]
