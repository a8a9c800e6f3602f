# slice assignment and deletion on empty lists and empty ranges (the sanitizer
# build once flagged a memmove of nothing from a list without items)
a = []
del a[:]
a[0:0] = []
a[:] = []
a[5:] = ()
print(a)
b = [1, 2, 3]
del b[3:]
b[3:] = []
b[1:1] = []
print(b)
del b[:]
b[:] = "xy"
print(b)
c = []
c[:0] = [1]
del c[:]
c += []
print(c, c[:], c[::-1], c[1:5])
