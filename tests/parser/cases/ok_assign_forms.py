(a, b) = 1, 2
[a, b] = c
x = y = z
