def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield 1
    z = yield from w
    await_ = (yield)
    f((yield))
