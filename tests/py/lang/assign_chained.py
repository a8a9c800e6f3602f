# chained assignment and evaluation order
a = b = c = [1, 2]
a.append(3)
print(a, b, c, a is b is c)
x = y = 5
x += 1
print(x, y)
i = 0
lst = [0, 0, 0]
i = lst[i] = 2
print(i, lst)
def show(v):
    print('eval', v)
    return v
d = {}
d[show('k')] = show('v')
print(d)
