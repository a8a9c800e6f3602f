# Bound built-in methods and method-wrappers compare by (function, self identity).
l = []
print(l.append == l.append, l.append != l.append, l.append == [].append, l.append != [].append)
print(l.append == l.pop, l.append != l.pop, l.__add__ == l.__add__, l.__add__ == [].__add__, l.__add__ == l.__mul__)
print(hash(l.append) == hash(l.append), hash(l.__add__) == hash(l.__add__), len == len, len != abs)
for a, b in [(l.append, l.append), (l.__add__, l.__add__)]:
    try:
        a < b
    except TypeError as e:
        print(e)
print({l.append: 1}[l.append], (1).__add__ == (1).__add__)
