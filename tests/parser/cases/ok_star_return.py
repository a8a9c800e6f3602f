def f():
    return *a, *b
    yield *a, b
for x in *a, *b: pass
