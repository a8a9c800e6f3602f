x = f(a)(b = 1)
y = [f(x) = 1]
