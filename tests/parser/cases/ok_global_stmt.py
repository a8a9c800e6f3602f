def f():
    global a, b
    a = 1
