a < b < c
a == b == c != d
x is not None and y not in z
not a in b
